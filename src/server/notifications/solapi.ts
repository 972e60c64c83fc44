// placeholder: replaced by the helper's Solapi provider at merge
import type { MessagingProvider } from './transport-types';
export function createSolapiProvider(_config: { apiKey: string; apiSecret: string; sender: string; baseUrl?: string; timeoutMs?: number }): MessagingProvider {
  throw new Error('not yet');
}
