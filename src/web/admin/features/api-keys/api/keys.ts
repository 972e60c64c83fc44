/** React Query keys of the API-key screen. */
export const apiKeyKeys = { list: ['api-keys'] as const };

export const apiKeyPath = (keyId: number) => `/api/v1/api-keys/${keyId}`;
