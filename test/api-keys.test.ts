import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiKey, ApiKeyList, CreatedApiKey } from '../src/contracts/api-keys';
import { securityEvents } from '../src/server/db/schema/index';
import { HttpClient, startTestServer, type TestServer } from './support/server';

type ErrorBody = { error?: { code: string } };

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const keyClient = (secret: string) => new HttpClient(server.baseUrl, { authorization: `Bearer ${secret}` });
const auditOf = (kind: 'api_key_created' | 'api_key_revoked') =>
  server.database.db.select().from(securityEvents).where(and(eq(securityEvents.shopId, server.shop.shopId), eq(securityEvents.kind, kind)));

describe('API keys (API 키)', () => {
  it('makes a key with its scopes, shows the secret once, and lists it without it', async () => {
    const made = await server.owner.post<CreatedApiKey>('/api/v1/api-keys', { name: '  물류 연동 ', scopes: ['write', 'read', 'write'] });
    expect(made.status).toBe(201);
    expect(made.body.secret).toMatch(new RegExp(`^jm_${server.shop.shopId}_[A-Za-z0-9_-]{20,}$`));
    expect(made.body.key).toMatchObject({ name: '물류 연동', scopes: ['read', 'write'], prefix: `jm_${server.shop.shopId}_…`, lastUsedAt: null, revokedAt: null, revokedBy: null });
    expect(made.body.key.createdBy).toMatchObject({ name: '김주인' });

    const list = await server.owner.get<ApiKeyList>('/api/v1/api-keys');
    expect(list.status).toBe(200);
    expect(JSON.stringify(list.body)).not.toContain(made.body.secret.slice(-20));
    const names = list.body.keys.map((k) => k.name);
    expect(names).toEqual(expect.arrayContaining(['물류 연동', '스토어프론트']));

    const [created] = (await auditOf('api_key_created')).filter((e) => e.subject === '물류 연동');
    expect(created?.detail).toMatchObject({ keyId: made.body.key.id, scopes: ['read', 'write'] });
  });

  it('lets the key do what its scopes allow and nothing more, and notes its last use', async () => {
    const made = await server.owner.post<CreatedApiKey>('/api/v1/api-keys', { name: '조회 전용 연동', scopes: ['read'] });
    const key = keyClient(made.body.secret);
    expect((await key.get('/api/v1/orders')).status).toBe(200);
    expect((await key.post<ErrorBody>('/api/v1/orders/search', {})).status).toBe(200);
    const write = await key.post<ErrorBody>('/api/v1/orders/999999999/memos', { body: '메모' });
    expect([write.status, write.body.error?.code]).toEqual([403, 'FORBIDDEN']);
    expect((await key.get<ErrorBody>('/api/v1/api-keys')).status).toBe(403);
    const listed = (await server.owner.get<ApiKeyList>('/api/v1/api-keys')).body.keys.find((k) => k.id === made.body.key.id);
    expect(listed?.lastUsedAt).not.toBeNull();
  });

  it('revokes a key at once: its very next request is refused, and the list says who revoked it', async () => {
    const made = await server.owner.post<CreatedApiKey>('/api/v1/api-keys', { name: '폐기할 키', scopes: ['intake'] });
    const key = keyClient(made.body.secret);
    expect((await key.post<ErrorBody>('/api/v1/orders/quote', {})).status).not.toBe(401);

    const revoked = await server.owner.request<ApiKey>('DELETE', `/api/v1/api-keys/${made.body.key.id}`);
    expect(revoked.status).toBe(200);
    expect(revoked.body.revokedAt).not.toBeNull();
    expect(revoked.body.revokedBy).toMatchObject({ name: '김주인' });
    const refused = await key.post<ErrorBody>('/api/v1/orders/quote', {});
    expect([refused.status, refused.body.error?.code]).toEqual([401, 'INVALID_API_KEY']);

    // again: the same answer, and one audit record
    const again = await server.owner.request<ApiKey>('DELETE', `/api/v1/api-keys/${made.body.key.id}`);
    expect(again.body.revokedAt).toBe(revoked.body.revokedAt);
    expect((await auditOf('api_key_revoked')).filter((e) => e.subject === '폐기할 키')).toHaveLength(1);
    const list = (await server.owner.get<ApiKeyList>('/api/v1/api-keys')).body.keys;
    expect(list.at(-1)).toMatchObject({ id: made.body.key.id, revokedBy: { name: '김주인' } });
  });

  it('is the owner’s alone, needs a name and a scope, and says when a key is not there', async () => {
    const manager = await server.addStaff('manager');
    expect((await manager.get<ErrorBody>('/api/v1/api-keys')).status).toBe(403);
    expect((await manager.post<ErrorBody>('/api/v1/api-keys', { name: '매니저 키', scopes: ['read'] })).status).toBe(403);
    for (const body of [{ name: '범위 없음', scopes: [] }, { name: ' ', scopes: ['read'] }, { name: '모르는 범위', scopes: ['admin'] }]) {
      const res = await server.owner.post<ErrorBody>('/api/v1/api-keys', body);
      expect([res.status, res.body.error?.code]).toEqual([400, 'VALIDATION_FAILED']);
    }
    const missing = await server.owner.request<ErrorBody>('DELETE', '/api/v1/api-keys/999999999');
    expect([missing.status, missing.body.error?.code]).toEqual([404, 'API_KEY_NOT_FOUND']);
  });
});
