import { z } from 'zod';
import { id, isoDateTime } from './common';
import { API_SCOPES } from './permissions';

/**
 * A shop's API keys (API 키): storefronts and integrations call the API with one, doing only what
 * its scopes allow. The secret is shown once, when the key is made; the list shows a hint of it.
 */

export const apiScope = z.enum(API_SCOPES);
export const MAX_API_KEY_NAME = 60;

const staffRef = z.object({ id, name: z.string() }).nullable();

export const apiKeySchema = z
  .object({
    id,
    name: z.string(),
    scopes: z.array(apiScope),
    /** `jm_<shopId>_…`: enough to tell which shop a key is for, never the secret. */
    prefix: z.string(),
    createdAt: isoDateTime,
    /** Who made it (null: made with the shop, or by someone since removed). */
    createdBy: staffRef,
    /** Written at most once a minute. */
    lastUsedAt: isoDateTime.nullable(),
    revokedAt: isoDateTime.nullable(),
    revokedBy: staffRef,
  })
  .meta({ id: 'ApiKey' });
export type ApiKey = z.infer<typeof apiKeySchema>;

export const apiKeyListSchema = z.object({ keys: z.array(apiKeySchema) }).meta({ id: 'ApiKeyList' });
export type ApiKeyList = z.infer<typeof apiKeyListSchema>;

export const createApiKeySchema = z
  .object({
    name: z.string().trim().min(1).max(MAX_API_KEY_NAME),
    scopes: z.array(apiScope).min(1).max(API_SCOPES.length),
  })
  .strict()
  .meta({ id: 'CreateApiKey' });
export type CreateApiKeyRequest = z.infer<typeof createApiKeySchema>;

/** The answer to making a key: the only time its secret is ever shown. */
export const createdApiKeySchema = z.object({ key: apiKeySchema, secret: z.string() }).meta({ id: 'CreatedApiKey' });
export type CreatedApiKey = z.infer<typeof createdApiKeySchema>;

export const apiKeyParams = z.object({ keyId: z.coerce.number().pipe(id) });
