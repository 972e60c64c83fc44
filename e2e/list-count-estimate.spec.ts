import { expect, test } from '@playwright/test';
import { buildApp } from '../src/server/app';
import { openDatabase, queryRows, sql, type Database } from '../src/server/db/client';
import { countOrders } from '../src/server/order-list/queries';
import { seedOrders } from '../src/server/seed/seed';
import { createShop } from '../src/server/shops/service';
import { signedInRequestContext } from './support/api-session';
import { rows, tab, waitForRows } from './support/session';

/**
 * A count the server finds slow is shown as 약 N건 with a way to the exact number. A server of its
 * own, set so that every count the tab counters cannot answer is "slow" (JUMUN_COUNT_EXACT_MAX_COST
 * 0): what a broad filter over a million orders gets, on 60 orders.
 */
let database: Database;
let app: Awaited<ReturnType<typeof buildApp>>;
let url: string;
let shopId: number;
const owner = { email: `estimate${Date.now()}@test.kr`, password: 'owner-password-1' };

test.beforeAll(async () => {
  database = await openDatabase({ dataDir: 'memory://' });
  shopId = (await createShop(database.db, { name: '추정 가게', ownerEmail: owner.email, ownerName: '김추정', ownerPassword: owner.password })).shopId;
  await seedOrders(database.db, { shopId, orders: 60, seed: 12, now: new Date() });
  app = await buildApp({ database, counts: { maxExactCost: 0 }, scheduler: { autoStart: false }, outbox: { autoStart: false }, bulkJobs: { autoStart: false } });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  url = `http://127.0.0.1:${address.port}`;
});
test.afterAll(async () => {
  await app.close();
  await database.close();
});

test('a slow count shows as 약 N건 until 정확한 건수 보기 asks for the number; tabs of statuses stay exact', async ({ page, playwright }) => {
  const api = await signedInRequestContext(playwright.request, url, owner);
  // a saved tab of a condition the counters do not cover: its badge is an estimate too
  const created = await api.post('/api/v1/views', { data: { name: '비회원 주문', filter: { memberType: 'guest' } } });
  expect(created.status(), await created.text()).toBe(201);
  await api.dispose();

  const login = await page.request.post(`${url}/api/v1/auth/login`, { data: owner });
  expect(login.status()).toBe(204);
  await page.goto(`${url}/orders`);
  await waitForRows(page);
  // 전체 is summed from the counters: exact, however "slow" counting is set to be
  await expect(page.getByTestId('list-total')).toHaveText('총 60건');
  await expect(page.getByTestId('list-total')).toHaveAttribute('data-exact', 'true');
  await expect(tab(page, '전체')).toContainText('60');
  await expect(tab(page, '비회원 주문')).toContainText('약');

  const [sample] = await queryRows<{ name: string }>(database.db, sql`select orderer_name as name from orders where shop_id = ${shopId} order by id limit 1`);
  const fragment = sample!.name.slice(-2);
  const exact = await countOrders(database.db, shopId, { keyword: fragment }, new Date());
  await page.getByRole('searchbox', { name: '주문 검색' }).fill(fragment);
  await page.getByRole('searchbox', { name: '주문 검색' }).press('Enter');
  await waitForRows(page);
  await expect(page.getByTestId('list-total')).toHaveAttribute('data-exact', 'false');
  await expect(page.getByTestId('list-total')).toHaveText(/^약 [\d,]+건$/);
  await expect(page.getByTestId('list-range')).toContainText('약');

  await page.getByRole('button', { name: '정확한 건수 보기' }).click();
  await expect(page.getByTestId('list-total')).toHaveText(`총 ${exact}건`);
  await expect(page.getByTestId('list-total')).toHaveAttribute('data-exact', 'true');
  await expect(page.getByRole('button', { name: '정확한 건수 보기' })).toHaveCount(0);
  await expect(rows(page)).toHaveCount(Math.min(exact, 100));
});
