import type { ApiKey, ApiKeyList, CreateApiKeyRequest, CreatedApiKey } from '../../contracts/api-keys';
import { API_SCOPES, isApiScope } from '../../domain/permissions';
import { auditActorOf, recordAuditEvent } from '../audit/record';
import type { Principal } from '../auth/principal';
import type { Db } from '../db/client';
import { AppError } from '../http/errors';
import { issueApiKey } from '../shops/service';
import { revokeLiveKey, selectApiKeys, type ApiKeyRow } from './queries';

const staffIdOf = (p: Principal) => (p.kind === 'staff' ? p.staffId : null);

const toApiKey = (shopId: number, r: ApiKeyRow): ApiKey => ({
  id: r.id,
  name: r.name,
  scopes: r.scopes.filter(isApiScope),
  // only the key's hash is kept, so the hint names the shop part and no more of the secret
  prefix: `jm_${shopId}_…`,
  createdAt: r.createdAt.toISOString(),
  createdBy: r.createdById === null ? null : { id: r.createdById, name: r.createdByName ?? '' },
  lastUsedAt: r.lastUsedAt?.toISOString() ?? null,
  revokedAt: r.revokedAt?.toISOString() ?? null,
  revokedBy: r.revokedById === null ? null : { id: r.revokedById, name: r.revokedByName ?? '' },
});

async function readKey(db: Db, shopId: number, keyId: number): Promise<ApiKey> {
  const [row] = await selectApiKeys(db, shopId, keyId);
  if (!row) throw new AppError('API_KEY_NOT_FOUND', { keyId });
  return toApiKey(shopId, row);
}

export async function listApiKeys(db: Db, shopId: number): Promise<ApiKeyList> {
  return { keys: (await selectApiKeys(db, shopId)).map((r) => toApiKey(shopId, r)) };
}

/** Makes a key and records it in the audit log, in one transaction; the secret leaves here once and is kept nowhere. */
export async function createKey(db: Db, principal: Principal, body: CreateApiKeyRequest, clientAddress: string): Promise<CreatedApiKey> {
  // scopes in the table's order, each once, so the list reads the same however they were ticked
  const scopes = API_SCOPES.filter((s) => body.scopes.includes(s));
  const made = await db.transaction(async (tx) => {
    const issued = await issueApiKey(tx, principal.shopId, body.name, scopes, staffIdOf(principal));
    const actor = auditActorOf(principal);
    await recordAuditEvent(tx, { kind: 'api_key_created', ...actor, subject: body.name, clientAddress, detail: { ...actor.detail, keyId: issued.id, scopes } });
    return issued;
  });
  return { key: await readKey(db, principal.shopId, made.id), secret: made.key };
}

/**
 * Revokes a key at once: the auth hook looks keys up on every request, so its very next call is
 * refused. Revoking a revoked key answers it as it is (a retry is harmless) and records nothing.
 */
export async function revokeKey(db: Db, principal: Principal, keyId: number, clientAddress: string, now: Date): Promise<ApiKey> {
  await db.transaction(async (tx) => {
    const revoked = await revokeLiveKey(tx, principal.shopId, keyId, staffIdOf(principal), now);
    if (!revoked) return;
    const actor = auditActorOf(principal);
    await recordAuditEvent(tx, { kind: 'api_key_revoked', ...actor, subject: revoked.name, clientAddress, detail: { ...actor.detail, keyId } });
  });
  return readKey(db, principal.shopId, keyId);
}
