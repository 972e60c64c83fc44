import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreatedStaffInvitation, StaffLink, StaffList, StaffMember, StaffTokenInfo } from '../src/contracts/staff';
import { queryRows } from '../src/server/db/client';
import { createShop, createStaff } from '../src/server/shops/service';
import { startTestServer, type TestServer } from './support/server';
import { startSmtpSink, type SmtpSink } from './support/smtp-sink';

/** 직원 관리 through HTTP: invitations and their links, roles, deactivation, resets, the owner rules, the shop chooser at sign-in. */
type ErrorBody = { error: { code: string; details?: Record<string, unknown> } };

let server: TestServer;
let sink: SmtpSink;
let serial = 0;
const PASSWORD = 'new-password-123';

beforeAll(async () => {
  [server, sink] = await Promise.all([startTestServer(), startSmtpSink()]);
});
afterAll(async () => {
  await Promise.all([server?.close(), sink?.close()]);
});

const uniqueEmail = (what: string) => `${what}${++serial}-${Date.now()}@test.kr`;
const tokenOf = (link: { path: string }) => link.path.replace('/invite/', '');

async function invite(role: 'owner' | 'manager' | 'staff' | 'viewer', email = uniqueEmail(role)) {
  const res = await server.owner.post<CreatedStaffInvitation>('/api/v1/staff-invitations', { email, name: `${role} 신입`, role });
  expect(res.status).toBe(201);
  return { email, ...res.body };
}

/** A new colleague who accepted an invitation: their signed-in client and their id. */
async function join(role: 'owner' | 'manager' | 'staff' | 'viewer') {
  const { email, link } = await invite(role);
  const client = server.anonymous();
  expect((await client.post(`/api/v1/staff-invitations/${tokenOf(link)}/accept`, { password: PASSWORD })).status).toBe(204);
  const list = await server.owner.get<StaffList>('/api/v1/staff');
  const member = list.body.staff.find((s) => s.email === email)!;
  return { client, email, id: member.id };
}

const auditKinds = async (kind: string, subject: string) =>
  queryRows<{ kind: string; detail: Record<string, unknown>; staff_id: number | null }>(
    server.database.db,
    sql`select kind, detail, staff_id from security_events where shop_id = ${server.shop.shopId} and kind = ${kind} and subject = ${subject} order by id`,
  );

describe('invitations', () => {
  it('invite → the link shows shop and e-mail → the password set signs in with the role; the link works once', async () => {
    const { email, link, invitation } = await invite('manager');
    expect(link).toMatchObject({ path: expect.stringMatching(new RegExp(`^/invite/${server.shop.shopId}\\.`)), emailed: false });
    expect(Date.parse(link.expiresAt) - Date.now()).toBeGreaterThan(6.9 * 86_400_000);
    const pending = await server.owner.get<StaffList>('/api/v1/staff');
    expect(pending.body.invitations.map((i) => i.id)).toContain(invitation.id);

    const visitor = server.anonymous();
    const info = await visitor.get<StaffTokenInfo>(`/api/v1/staff-invitations/${tokenOf(link)}`);
    expect(info.body).toMatchObject({ purpose: 'invite', shopName: '테스트샵', email, role: 'manager' });
    expect((await visitor.post<ErrorBody>(`/api/v1/staff-invitations/${tokenOf(link)}/accept`, { password: 'short' })).status).toBe(400);
    expect((await visitor.post(`/api/v1/staff-invitations/${tokenOf(link)}/accept`, { password: PASSWORD })).status).toBe(204);
    const me = await visitor.get<{ staff: { email: string; role: string } }>('/api/v1/auth/me');
    expect(me.body.staff).toMatchObject({ email, role: 'manager' });

    const again = await server.anonymous().post<ErrorBody>(`/api/v1/staff-invitations/${tokenOf(link)}/accept`, { password: PASSWORD });
    expect([again.status, again.body.error.code, again.body.error.details?.reason]).toEqual([410, 'STAFF_LINK_GONE', 'used']);
    expect((await server.signIn(email, PASSWORD)).cookieHeader).toContain('jumun_session');
    const list = await server.owner.get<StaffList>('/api/v1/staff');
    expect(list.body.invitations.map((i) => i.id)).not.toContain(invitation.id);
    expect(list.body.staff.find((s) => s.email === email)).toMatchObject({ role: 'manager', active: true, lastSignInAt: expect.any(String) });
    expect((await auditKinds('staff_invited', email)).length).toBe(1);
    expect((await auditKinds('staff_joined', email)).length).toBe(1);
  });

  it('refuses expired, revoked and made-up links; a duplicate e-mail is 409 with a code', async () => {
    const expired = await invite('staff');
    await server.database.db.execute(sql`update staff_tokens set expires_at = now() - interval '1 second' where shop_id = ${server.shop.shopId} and id = ${expired.invitation.id}`);
    const gone = await server.anonymous().get<ErrorBody>(`/api/v1/staff-invitations/${tokenOf(expired.link)}`);
    expect([gone.status, gone.body.error.details?.reason]).toEqual([410, 'expired']);

    const revoked = await invite('staff');
    expect((await server.owner.request('DELETE', `/api/v1/staff-invitations/${revoked.invitation.id}`)).status).toBe(204);
    const refused = await server.anonymous().post<ErrorBody>(`/api/v1/staff-invitations/${tokenOf(revoked.link)}/accept`, { password: PASSWORD });
    expect([refused.status, refused.body.error.details?.reason]).toEqual([410, 'revoked']);
    expect((await auditKinds('staff_invite_revoked', revoked.email)).length).toBe(1);
    expect((await server.anonymous().get<ErrorBody>(`/api/v1/staff-invitations/${server.shop.shopId}.made-up-secret`)).body.error.code).toBe('STAFF_LINK_NOT_FOUND');

    const pending = await invite('viewer');
    const twice = await server.owner.post<ErrorBody>('/api/v1/staff-invitations', { email: pending.email.toUpperCase(), name: '또', role: 'viewer' });
    expect([twice.status, twice.body.error.code]).toEqual([409, 'STAFF_ALREADY_INVITED']);
    const taken = await server.owner.post<ErrorBody>('/api/v1/staff-invitations', { email: server.shop.ownerEmail, name: '나', role: 'staff' });
    expect([taken.status, taken.body.error.code]).toEqual([409, 'STAFF_EMAIL_TAKEN']);
  });

  it('mails the link when the shop has a mail server', async () => {
    const saved = await server.owner.request('PATCH', '/api/v1/notification-settings', {
      email: { host: sink.host, port: sink.port, secure: false, user: sink.user, password: sink.password, from: '테스트샵 <shop@test.kr>' },
    });
    expect(saved.status).toBe(200);
    try {
      const { email, link } = await invite('staff');
      expect(link.emailed).toBe(true);
      const mail = sink.mails.find((m) => m.to === email)!;
      expect(mail.subject).toContain('테스트샵');
      expect(mail.text).toContain(link.url);
    } finally {
      await server.database.db.execute(sql`update notification_settings set smtp = null where shop_id = ${server.shop.shopId}`);
    }
  });
});

describe('roles and activity', () => {
  it('deactivation ends an open session at once and blocks sign-in; reactivation lets the password in again', async () => {
    const colleague = await join('staff');
    expect((await colleague.client.get('/api/v1/auth/me')).status).toBe(200);
    const off = await server.owner.post<StaffMember>(`/api/v1/staff/${colleague.id}/deactivate`);
    expect(off.body).toMatchObject({ active: false, deactivatedAt: expect.any(String) });
    expect((await colleague.client.get('/api/v1/auth/me')).status).toBe(401);
    const refused = await server.anonymous().post<ErrorBody>('/api/v1/auth/login', { email: colleague.email, password: PASSWORD });
    expect([refused.status, refused.body.error.code]).toEqual([401, 'INVALID_CREDENTIALS']);
    expect((await server.owner.post<ErrorBody>(`/api/v1/staff/${colleague.id}/password-resets`)).body.error.code).toBe('STAFF_INACTIVE');

    expect((await server.owner.post<StaffMember>(`/api/v1/staff/${colleague.id}/reactivate`)).body).toMatchObject({ active: true, deactivatedAt: null });
    await server.signIn(colleague.email, PASSWORD);
    expect((await auditKinds('staff_deactivated', colleague.email)).length).toBe(1);
    expect((await auditKinds('staff_reactivated', colleague.email)).length).toBe(1);
  });

  it('a reset link sets a new password and ends the old sessions', async () => {
    const colleague = await join('viewer');
    const reset = await server.owner.post<StaffLink>(`/api/v1/staff/${colleague.id}/password-resets`);
    expect(reset.status).toBe(201);
    expect(Date.parse(reset.body.expiresAt) - Date.now()).toBeLessThanOrEqual(24 * 3_600_000);
    const browser = server.anonymous();
    expect((await browser.get<StaffTokenInfo>(`/api/v1/staff-invitations/${tokenOf(reset.body)}`)).body).toMatchObject({ purpose: 'reset', email: colleague.email });
    expect((await browser.post(`/api/v1/staff-invitations/${tokenOf(reset.body)}/accept`, { password: 'another-password-9' })).status).toBe(204);
    expect((await browser.get('/api/v1/auth/me')).status).toBe(200);
    expect((await colleague.client.get('/api/v1/auth/me')).status).toBe(401);
    expect((await server.anonymous().post('/api/v1/auth/login', { email: colleague.email, password: PASSWORD })).status).toBe(401);
    await server.signIn(colleague.email, 'another-password-9');
    expect((await auditKinds('staff_password_reset', colleague.email)).map((e) => e.detail.step)).toEqual(['link_issued', 'password_set']);
  });

  it('changes a role (audited before and after); nobody changes their own; the last owner stays; managers may only read', async () => {
    const colleague = await join('staff');
    const changed = await server.owner.request<StaffMember>('PATCH', `/api/v1/staff/${colleague.id}`, { role: 'manager' });
    expect(changed.body.role).toBe('manager');
    expect((await colleague.client.get<{ staff: { role: string } }>('/api/v1/auth/me')).body.staff.role).toBe('manager');
    expect((await auditKinds('staff_role_changed', colleague.email)).map((e) => e.detail)).toEqual([expect.objectContaining({ before: 'staff', after: 'manager' })]);

    // the manager reads the list, changes nothing, and cannot raise themself
    expect((await colleague.client.get<StaffList>('/api/v1/staff')).status).toBe(200);
    for (const attempt of [
      colleague.client.request<ErrorBody>('PATCH', `/api/v1/staff/${colleague.id}`, { role: 'owner' }),
      colleague.client.post<ErrorBody>('/api/v1/staff-invitations', { email: uniqueEmail('x'), name: 'x', role: 'staff' }),
      colleague.client.post<ErrorBody>(`/api/v1/staff/${server.shop.ownerId}/deactivate`),
    ]) expect((await attempt).status).toBe(403);
    expect((await server.addStaff('viewer').then((v) => v.get('/api/v1/staff'))).status).toBe(403);

    // the only owner: neither demoted nor deactivated, by themself or anyone
    const lastOwner = await server.owner.request<ErrorBody>('PATCH', `/api/v1/staff/${server.shop.ownerId}`, { role: 'manager' });
    expect([lastOwner.status, lastOwner.body.error.code]).toEqual([409, 'LAST_OWNER']);
    expect((await server.owner.post<ErrorBody>(`/api/v1/staff/${server.shop.ownerId}/deactivate`)).body.error.code).toBe('LAST_OWNER');

    // with a second owner: the first still cannot change themself, but may demote the second
    const second = await join('owner');
    expect((await server.owner.request<ErrorBody>('PATCH', `/api/v1/staff/${server.shop.ownerId}`, { role: 'manager' })).body.error.code).toBe('STAFF_SELF_CHANGE');
    expect((await server.owner.post<ErrorBody>(`/api/v1/staff/${server.shop.ownerId}/deactivate`)).body.error.code).toBe('STAFF_SELF_CHANGE');
    expect((await second.client.request<StaffMember>('PATCH', `/api/v1/staff/${second.id}`, { name: '새 이름' })).body.name).toBe('새 이름');
    expect((await server.owner.request<StaffMember>('PATCH', `/api/v1/staff/${second.id}`, { role: 'staff' })).body.role).toBe('staff');
    expect((await second.client.get('/api/v1/staff')).status).toBe(403);
  });
});

describe('one e-mail in two shops', () => {
  let email: string;
  let otherShopId: number;
  beforeAll(async () => {
    email = uniqueEmail('both');
    await createStaff(server.database.db, server.shop.shopId, { email, name: '두 곳 직원', role: 'staff', password: PASSWORD });
    const other = await createShop(server.database.db, { name: '두번째샵', ownerEmail: uniqueEmail('other-owner'), ownerName: '박대표', ownerPassword: 'owner-password-2' });
    otherShopId = other.shopId;
    await createStaff(server.database.db, otherShopId, { email, name: '두 곳 직원', role: 'manager', password: PASSWORD });
  });

  it('answers the shops to choose from without a session, then signs in to the chosen one', async () => {
    const browser = server.anonymous();
    const choose = await browser.post<{ chooseShop: Array<{ id: number; name: string }> }>('/api/v1/auth/login', { email, password: PASSWORD });
    expect(choose.status).toBe(200);
    expect(choose.body.chooseShop).toEqual([
      { id: server.shop.shopId, name: '테스트샵' },
      { id: otherShopId, name: '두번째샵' },
    ]);
    expect(browser.cookieHeader).not.toContain('jumun_session');
    expect((await browser.post('/api/v1/auth/login', { email, password: PASSWORD, shopId: otherShopId })).status).toBe(204);
    const me = await browser.get<{ shop: { id: number }; staff: { role: string } }>('/api/v1/auth/me');
    expect([me.body.shop.id, me.body.staff.role]).toEqual([otherShopId, 'manager']);
  });

  it('a wrong password says nothing about either shop', async () => {
    const wrong = await server.anonymous().post<ErrorBody>('/api/v1/auth/login', { email, password: 'wrong-password-1' });
    const unknown = await server.anonymous().post<ErrorBody>('/api/v1/auth/login', { email: uniqueEmail('nobody'), password: 'wrong-password-1' });
    expect([wrong.status, wrong.body]).toEqual([unknown.status, unknown.body]);
    expect(wrong.status).toBe(401);
  });

  it('signs in straight to the one shop whose account the password opens', async () => {
    await server.database.db.execute(sql`update staff set active = false where shop_id = ${otherShopId} and lower(email) = ${email}`);
    const browser = server.anonymous();
    expect((await browser.post('/api/v1/auth/login', { email, password: PASSWORD })).status).toBe(204);
    expect((await browser.get<{ shop: { id: number } }>('/api/v1/auth/me')).body.shop.id).toBe(server.shop.shopId);
  });
});

