/**
 * Picks the gateway once, from the environment. The test gateway is the default so that a fresh
 * checkout, the demo and the tests never talk to a real PG by accident; Toss needs both the switch
 * and a key.
 */
import type { Db } from '../../db/client';
import type { PaymentGateway } from './gateway';
import { TestGateway } from './test-gateway';
import { TossGateway, type TossGatewayOptions } from './toss-gateway';

export function createGateway(
  env: NodeJS.ProcessEnv,
  /** Where the test gateway keeps its payments (shared by every server on the database). */
  db: Db,
  toss: Pick<TossGatewayOptions, 'depositSecretFor' | 'fetch' | 'timeoutMs'> = {},
): PaymentGateway {
  if (env.JUMUN_GATEWAY !== 'toss') return new TestGateway({ db });
  const secretKey = env.TOSS_SECRET_KEY;
  // Asked for Toss but given no key: refuse to start rather than quietly approve every payment.
  if (!secretKey) throw new Error('JUMUN_GATEWAY=toss needs TOSS_SECRET_KEY');
  return new TossGateway({ secretKey, baseUrl: env.TOSS_API_BASE || undefined, ...toss });
}
