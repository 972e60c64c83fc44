import { BUYER_SESSION_COOKIE, createBuyerSession } from '../../src/server/my/session';
import { HttpClient, type TestServer } from './server';

/** A member or a guest session, in the test server's shop unless another is named. */
type BuyerSessionOf = ({ buyer: 'member'; customerId: number } | { buyer: 'guest'; orderId: number }) & { shopId?: number };

/**
 * A browser holding a buyer session, opened directly in the database: for tests of what a buyer
 * may see and do once signed in. How a buyer gets there (the storefront's hand-off, the guest
 * lookup) is tested through HTTP in my-auth.test.ts.
 */
export async function buyerClient(server: TestServer, session: BuyerSessionOf, headers: Record<string, string> = {}): Promise<HttpClient> {
  const { cookie } = await createBuyerSession(server.database.db, { shopId: server.shop.shopId, ...session }, new Date());
  const client = new HttpClient(server.baseUrl, headers);
  client.setCookie(BUYER_SESSION_COOKIE, cookie);
  return client;
}
