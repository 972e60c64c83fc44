import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_COLUMN_LAYOUT, type ColumnLayout, type View, type ViewDiffResponse, type ViewListResponse } from '../src/contracts/views';
import { savedViews, staffViewLayouts } from '../src/server/db/schema/index';
import { createShop } from '../src/server/shops/service';
import { startTestServer, type HttpClient, type TestServer } from './support/server';

type ErrorBody = { error: { code: string; details?: Record<string, unknown> } };

let server: TestServer;
let kim: HttpClient;
let lee: HttpClient;
let viewer: HttpClient;
let other: HttpClient;

beforeAll(async () => {
  server = await startTestServer();
  kim = await server.addStaff('staff');
  lee = await server.addStaff('staff');
  viewer = await server.addStaff('viewer');
  const shop = await createShop(server.database.db, { name: '옆 가게', ownerEmail: `next${Date.now()}@test.kr`, ownerName: '박옆집', ownerPassword: 'other-password-1' });
  other = await server.signIn(shop.ownerEmail, 'other-password-1');
});
afterAll(() => server.close());

const views = async (client: HttpClient) => {
  const res = await client.get<ViewListResponse>('/api/v1/views');
  expect(res.status).toBe(200);
  return res.body.views;
};
const byName = async (client: HttpClient, name: string) => (await views(client)).find((v) => v.name === name)!;
const patch = <T>(client: HttpClient, path: string, body: unknown) => client.request<T>('PATCH', path, body);
const del = <T>(client: HttpClient, path: string) => client.request<T>('DELETE', path);
const put = <T>(client: HttpClient, path: string, body: unknown) => client.request<T>('PUT', path, body);
/** The default layout with one column hidden and one moved first. */
const arranged = (hide: string, first: string): ColumnLayout =>
  DEFAULT_COLUMN_LAYOUT.map((c) => ({ ...c, visible: c.key === hide ? false : c.visible, position: c.key === first ? 0 : c.position + 1 }));
const visibleKeys = (v: View) => v.columns.filter((c) => c.visible).map((c) => c.key);

describe('the tabs a shop starts with', () => {
  it('are 전체 (locked, every order) and one tab per step of the work, with the default columns', async () => {
    const list = await views(server.owner);
    expect(list.map((v) => [v.name, v.position, v.locked])).toEqual([
      ['전체', 0, true],
      ['입금대기', 1, false],
      ['상품준비중', 2, false],
      ['배송대기', 3, false],
      ['배송중', 4, false],
      ['취소·반품 접수', 5, false],
    ]);
    expect(list.map((v) => [v.filter, v.sort])).toEqual([
      [{}, { field: 'orderedAt', direction: 'desc' }],
      [{ unitStatuses: ['awaiting_payment'] }, { field: 'orderedAt', direction: 'asc' }],
      [{ unitStatuses: ['paid', 'preparing'] }, { field: 'paidAt', direction: 'asc' }],
      [{ unitStatuses: ['ready_to_ship'] }, { field: 'paidAt', direction: 'asc' }],
      [{ unitStatuses: ['shipping'] }, { field: 'shippedAt', direction: 'asc' }],
      [{ claimStatuses: ['cancel_requested', 'return_requested'] }, { field: 'orderedAt', direction: 'asc' }],
    ]);
    for (const v of list) expect([v.columns, v.personalLayout]).toEqual([DEFAULT_COLUMN_LAYOUT, false]);
    expect(visibleKeys(list[0]!).slice(0, 4)).toEqual(['orderNumber', 'orderedAt', 'ordererName', 'itemSummary']);
  });

  it('are created on the first look for a shop made before tabs existed, once however many look at once', async () => {
    const shop = await createShop(server.database.db, { name: '오래된 가게', ownerEmail: `old${Date.now()}@test.kr`, ownerName: '최오래', ownerPassword: 'old-password-1' });
    await server.database.db.delete(savedViews).where(eq(savedViews.shopId, shop.shopId));
    const owner = await server.signIn(shop.ownerEmail, 'old-password-1');
    const [a, b, c] = await Promise.all([views(owner), views(owner), owner.get<{ counts: unknown[] }>('/api/v1/views/counts')]);
    expect(a.map((v) => v.name)).toEqual(['전체', '입금대기', '상품준비중', '배송대기', '배송중', '취소·반품 접수']);
    expect(b.map((v) => v.id)).toEqual(a.map((v) => v.id));
    expect(c.body.counts).toHaveLength(6);
    expect(await server.database.db.select().from(savedViews).where(eq(savedViews.shopId, shop.shopId))).toHaveLength(6);
  });
});

describe('shared tabs', () => {
  it('adds a tab at the end, as the announcement’s 비회원 자사몰 example', async () => {
    const res = await kim.post<View>('/api/v1/views', { name: '비회원 자사몰', filter: { channels: ['own_mall'], memberType: 'guest' } });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ name: '비회원 자사몰', position: 6, locked: false, filter: { channels: ['own_mall'], memberType: 'guest' }, sort: { field: 'orderedAt', direction: 'desc' }, personalLayout: false });
    expect(res.body.columns).toEqual(DEFAULT_COLUMN_LAYOUT);
    // every staff member sees it
    expect((await views(lee)).at(-1)?.id).toBe(res.body.id);
    const again = await lee.post<ErrorBody>('/api/v1/views', { name: '비회원 자사몰', filter: {} });
    expect([again.status, again.body.error.code]).toEqual([409, 'VIEW_NAME_TAKEN']);
  });

  it('keeps names unique when two staff members add the same tab at once', async () => {
    const [a, b] = await Promise.all([kim.post('/api/v1/views', { name: '동시 추가' }), lee.post('/api/v1/views', { name: '동시 추가' })]);
    expect([a.status, b.status].sort()).toEqual([201, 409]);
    const list = await views(kim);
    expect(list.filter((v) => v.name === '동시 추가')).toHaveLength(1);
    expect(list.map((v) => v.position)).toEqual(list.map((_, i) => i));
    const tab = list.find((v) => v.name === '동시 추가')!;
    expect((await del(kim, `/api/v1/views/${tab.id}`)).status).toBe(200);
  });

  it('creates a tab once for a retried request', async () => {
    const headers = { 'idempotency-key': `tab-${Date.now()}` };
    const a = await kim.post<View>('/api/v1/views', { name: '메모 있는 주문', filter: { hasMemo: true } }, headers);
    const b = await kim.post<View>('/api/v1/views', { name: '메모 있는 주문', filter: { hasMemo: true } }, headers);
    expect([a.status, b.status, b.body.id]).toEqual([201, 201, a.body.id]);
    expect(b.headers.get('idempotent-replayed')).toBe('true');
    expect((await views(kim)).filter((v) => v.name === '메모 있는 주문')).toHaveLength(1);
  });

  it('renames a tab and changes its filter, sort and shared columns', async () => {
    const tab = await byName(kim, '비회원 자사몰');
    const columns = arranged('ordererPhone', 'memoCount');
    const res = await patch<View>(lee, `/api/v1/views/${tab.id}`, { name: ' 자사몰 비회원 ', sort: { field: 'totalAmount', direction: 'desc' }, columns });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: tab.id, name: '자사몰 비회원', filter: tab.filter, sort: { field: 'totalAmount', direction: 'desc' } });
    expect(res.body.columns[0]).toMatchObject({ key: 'memoCount', position: 0 });
    expect(visibleKeys(res.body)).not.toContain('ordererPhone');
    const taken = await patch<ErrorBody>(lee, `/api/v1/views/${tab.id}`, { name: '배송중' });
    expect([taken.status, taken.body.error.code]).toEqual([409, 'VIEW_NAME_TAKEN']);
    // keeping its own name is no clash
    expect((await patch<View>(lee, `/api/v1/views/${tab.id}`, { name: '자사몰 비회원', filter: { channels: ['own_mall'], memberType: 'guest' } })).status).toBe(200);
  });

  it('reorders the tabs by the full list of ids; 전체 stays first', async () => {
    const before = await views(kim);
    const [all, ...rest] = before.map((v) => v.id);
    const moved = rest.at(-1)!;
    const ids = [all!, moved, ...rest.slice(0, -1)];
    const res = await kim.post<ViewListResponse>('/api/v1/views/reorder', { ids });
    expect(res.status).toBe(200);
    expect(res.body.views.map((v) => [v.id, v.position])).toEqual(ids.map((id, i) => [id, i]));
    expect((await views(lee)).map((v) => v.id)).toEqual(ids);

    const first = await kim.post<ErrorBody>('/api/v1/views/reorder', { ids: [moved, all!, ...rest.slice(0, -1)] });
    expect([first.status, first.body.error.code]).toEqual([422, 'VIEW_LOCKED']);
    const missing = await kim.post<ErrorBody>('/api/v1/views/reorder', { ids: ids.slice(0, -1) });
    expect([missing.status, missing.body.error.code, missing.body.error.details?.missing]).toEqual([422, 'VIEW_ORDER_INCOMPLETE', [ids.at(-1)]]);
    const twice = await kim.post<ErrorBody>('/api/v1/views/reorder', { ids: [...ids.slice(0, -1), ids[1]] });
    expect([twice.status, twice.body.error.code]).toEqual([422, 'VIEW_ORDER_INCOMPLETE']);
    const foreign = (await views(other))[1]!.id;
    const elsewhere = await kim.post<ErrorBody>('/api/v1/views/reorder', { ids: [...ids, foreign] });
    expect([elsewhere.status, elsewhere.body.error.code]).toEqual([404, 'VIEW_NOT_FOUND']);
    expect((await views(kim)).map((v) => v.id)).toEqual(ids);
  });

  it('deletes a tab for everyone, with everyone’s own layout of it; the rest close up', async () => {
    const tab = await byName(kim, '메모 있는 주문');
    expect((await put(lee, `/api/v1/views/${tab.id}/layout`, { columns: arranged('quantity', 'memoCount') })).status).toBe(200);
    const res = await del<ViewListResponse>(kim, `/api/v1/views/${tab.id}`);
    expect(res.status).toBe(200);
    expect(res.body.views.some((v) => v.id === tab.id)).toBe(false);
    expect(res.body.views.map((v) => v.position)).toEqual(res.body.views.map((_, i) => i));
    expect((await views(lee)).some((v) => v.id === tab.id)).toBe(false);
    const layouts = await server.database.db.select().from(staffViewLayouts).where(and(eq(staffViewLayouts.shopId, server.shop.shopId), eq(staffViewLayouts.viewId, tab.id)));
    expect(layouts).toEqual([]);
    const again = await del<ErrorBody>(kim, `/api/v1/views/${tab.id}`);
    expect([again.status, again.body.error.code]).toEqual([404, 'VIEW_NOT_FOUND']);
  });

  it('keeps 전체 whole: never deleted, renamed or filtered; its sort and columns may change', async () => {
    const all = await byName(kim, '전체');
    for (const [res, status] of [
      [await del<ErrorBody>(kim, `/api/v1/views/${all.id}`), 422],
      [await patch<ErrorBody>(server.owner, `/api/v1/views/${all.id}`, { name: '모든 주문' }), 422],
      [await patch<ErrorBody>(server.owner, `/api/v1/views/${all.id}`, { filter: { channels: ['own_mall'] } }), 422],
    ] as const) {
      expect([res.status, res.body.error.code]).toEqual([status, 'VIEW_LOCKED']);
    }
    const resorted = await patch<View>(kim, `/api/v1/views/${all.id}`, { sort: { field: 'orderNumber', direction: 'desc' }, filter: { channels: [] } });
    expect(resorted.status).toBe(200);
    expect(resorted.body).toMatchObject({ name: '전체', locked: true, position: 0, sort: { field: 'orderNumber', direction: 'desc' } });
    expect(resorted.body.filter).toEqual({});
    expect((await views(lee))[0]!.id).toBe(all.id);
  });

  it('refuses malformed tabs, and other shops’ tabs as not found', async () => {
    const bad: unknown[] = [
      { name: '' },
      { name: '   ' },
      { name: '가'.repeat(31) },
      { name: '필터', filter: { status: ['paid'] } },
      { name: '정렬', sort: { field: 'price', direction: 'asc' } },
      { name: '좁은 칸', columns: [{ key: 'orderNumber', position: 0, width: 59, visible: true }] },
      { name: '넓은 칸', columns: [{ key: 'orderNumber', position: 0, width: 801, visible: true }] },
      { name: '없는 칸', columns: [{ key: 'price', position: 0, width: 100, visible: true }] },
      { name: '두 번', columns: [{ key: 'orderNumber', position: 0, width: 100, visible: true }, { key: 'orderNumber', position: 1, width: 100, visible: true }] },
      { name: '안 보임', columns: [{ key: 'orderNumber', position: 0, width: 100, visible: false }] },
    ];
    for (const body of bad) {
      const res = await kim.post<ErrorBody>('/api/v1/views', body);
      expect([res.status, res.body.error.code], JSON.stringify(body)).toEqual([400, 'VALIDATION_FAILED']);
    }
    expect((await kim.post<View>('/api/v1/views', { name: '가'.repeat(30) })).status).toBe(201);
    const foreign = (await views(other))[2]!;
    for (const res of [
      await kim.get<ErrorBody>(`/api/v1/views/${foreign.id}`),
      await patch<ErrorBody>(kim, `/api/v1/views/${foreign.id}`, { name: '남의 탭' }),
      await del<ErrorBody>(kim, `/api/v1/views/${foreign.id}`),
      await put<ErrorBody>(kim, `/api/v1/views/${foreign.id}/layout`, { columns: DEFAULT_COLUMN_LAYOUT }),
      await kim.post<ErrorBody>(`/api/v1/views/${foreign.id}/diff`, { columns: DEFAULT_COLUMN_LAYOUT }),
    ]) {
      expect([res.status, res.body.error.code]).toEqual([404, 'VIEW_NOT_FOUND']);
    }
    expect((await views(other))[2]).toEqual(foreign);
  });

  it('keeps at most 30 tabs', async () => {
    const shop = await createShop(server.database.db, { name: '탭 많은 가게', ownerEmail: `many${Date.now()}@test.kr`, ownerName: '이많음', ownerPassword: 'many-password-1' });
    const owner = await server.signIn(shop.ownerEmail, 'many-password-1');
    for (let i = 6; i < 30; i++) expect((await owner.post(`/api/v1/views`, { name: `탭 ${i}` })).status).toBe(201);
    const res = await owner.post<ErrorBody>('/api/v1/views', { name: '31번째' });
    expect([res.status, res.body.error.code]).toEqual([422, 'TOO_MANY_VIEWS']);
    expect(await views(owner)).toHaveLength(30);
  });
});

describe('column layouts (관리 항목 설정)', () => {
  it('a staff member’s own layout changes nobody else’s', async () => {
    const tab = await byName(kim, '배송대기');
    const mine = await put<View>(kim, `/api/v1/views/${tab.id}/layout`, { columns: arranged('ordererPhone', 'trackingNumber') });
    expect(mine.status).toBe(200);
    expect(mine.body).toMatchObject({ personalLayout: true });
    expect(mine.body.columns[0]).toMatchObject({ key: 'trackingNumber', position: 0 });
    expect((await byName(kim, '배송대기')).personalLayout).toBe(true);
    const theirs = await byName(lee, '배송대기');
    expect([theirs.personalLayout, theirs.columns]).toEqual([false, DEFAULT_COLUMN_LAYOUT]);
    // other tabs keep the shared layout for kim too
    expect((await byName(kim, '배송중')).personalLayout).toBe(false);
  });

  it('keeps left-out columns hidden at the end of a partial layout', async () => {
    const tab = await byName(lee, '배송중');
    const res = await put<View>(lee, `/api/v1/views/${tab.id}/layout`, {
      columns: [
        { key: 'trackingNumber', position: 5, width: 200, visible: true },
        { key: 'orderNumber', position: 1, width: 160, visible: true },
      ],
    });
    expect(res.body.columns).toHaveLength(DEFAULT_COLUMN_LAYOUT.length);
    expect(res.body.columns.slice(0, 2)).toEqual([
      { key: 'orderNumber', position: 0, width: 160, visible: true },
      { key: 'trackingNumber', position: 1, width: 200, visible: true },
    ]);
    expect(visibleKeys(res.body)).toEqual(['orderNumber', 'trackingNumber']);
  });

  it('a change of the shared layout shows for staff without their own, not over one', async () => {
    const tab = await byName(kim, '배송대기');
    const shared = arranged('quantity', 'courier');
    expect((await patch<View>(server.owner, `/api/v1/views/${tab.id}`, { columns: shared })).status).toBe(200);
    const leeSees = await byName(lee, '배송대기');
    expect([leeSees.personalLayout, leeSees.columns[0]?.key, visibleKeys(leeSees).includes('quantity')]).toEqual([false, 'courier', false]);
    const kimSees = await byName(kim, '배송대기');
    expect([kimSees.personalLayout, kimSees.columns[0]?.key, visibleKeys(kimSees).includes('quantity')]).toEqual([true, 'trackingNumber', true]);
    // 초기화: back to the shared layout, as changed meanwhile
    const reset = await del<View>(kim, `/api/v1/views/${tab.id}/layout`);
    expect([reset.status, reset.body.personalLayout, reset.body.columns]).toEqual([200, false, leeSees.columns]);
    expect((await byName(kim, '배송대기')).columns).toEqual(leeSees.columns);
  });

  it('shows 수정됨 when the current state differs from the tab as the staff member sees it', async () => {
    const tab = await byName(kim, '취소·반품 접수');
    const diff = (client: HttpClient, body: unknown) => client.post<ViewDiffResponse>(`/api/v1/views/${tab.id}/diff`, body);
    const same = await diff(kim, { filter: { claimStatuses: ['return_requested', 'cancel_requested'], channels: [] }, sort: tab.sort, columns: tab.columns });
    expect([same.status, same.body.changed]).toEqual([200, false]);
    const changed = await diff(kim, { filter: { ...tab.filter, channels: ['own_mall'] }, sort: { field: 'orderedAt', direction: 'desc' }, columns: tab.columns });
    expect(changed.body).toMatchObject({ changed: true, filter: { changed: true, keys: ['channels'] }, sort: { changed: true }, columns: { changed: false } });
    // against kim's own layout once he has one
    const own = arranged('memoCount', 'orderStatus');
    await put(kim, `/api/v1/views/${tab.id}/layout`, { columns: own });
    expect((await diff(kim, { filter: tab.filter, sort: tab.sort, columns: own })).body).toMatchObject({ changed: false, columns: { personalLayout: true } });
    expect((await diff(lee, { filter: tab.filter, sort: tab.sort, columns: own })).body).toMatchObject({ changed: true, columns: { order: true, keys: ['memoCount'], personalLayout: false } });
  });
});

describe('who may change tabs', () => {
  it('viewers read tabs and keep their own layout, but do not change shared tabs', async () => {
    const list = await views(viewer);
    const tab = list[1]!;
    const layout = await put<View>(viewer, `/api/v1/views/${tab.id}/layout`, { columns: arranged('channel', 'orderStatus') });
    expect([layout.status, layout.body.personalLayout]).toEqual([200, true]);
    expect((await viewer.get('/api/v1/views/counts')).status).toBe(200);
    expect((await viewer.post(`/api/v1/views/${tab.id}/diff`, { columns: tab.columns })).status).toBe(200);
    for (const res of [
      await viewer.post<ErrorBody>('/api/v1/views', { name: '열람자 탭' }),
      await patch<ErrorBody>(viewer, `/api/v1/views/${tab.id}`, { name: '바꿈' }),
      await viewer.post<ErrorBody>('/api/v1/views/reorder', { ids: list.map((v) => v.id) }),
      await del<ErrorBody>(viewer, `/api/v1/views/${tab.id}`),
    ]) {
      expect([res.status, res.body.error.code]).toEqual([403, 'FORBIDDEN']);
    }
    expect((await byName(kim, tab.name)).columns).toEqual(tab.columns);
  });

  it('an integration’s API key reads tabs but neither arranges nor changes them', async () => {
    const list = await views(server.storefront);
    expect(list.every((v) => !v.personalLayout)).toBe(true);
    expect((await server.storefront.get('/api/v1/views/counts')).status).toBe(200);
    for (const res of [
      await server.storefront.post<ErrorBody>('/api/v1/views', { name: 'API 탭' }),
      await put<ErrorBody>(server.storefront, `/api/v1/views/${list[1]!.id}/layout`, { columns: DEFAULT_COLUMN_LAYOUT }),
    ]) {
      expect([res.status, res.body.error.code]).toEqual([403, 'FORBIDDEN']);
    }
    expect((await server.anonymous().get<ErrorBody>('/api/v1/views')).status).toBe(401);
  });
});
