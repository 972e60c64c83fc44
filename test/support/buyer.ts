import { BUYER_SESSION_COOKIE, createBuyerSession, type NewBuyerSession } from '../../src/server/my/session';
import { HttpClient, type TestServer } from './server';

/**
 * A browser holding a buyer session, opened directly in the database: for tests of what a buyer
 * may see and do once signed in. How a buyer gets there (the storefront's hand-off, the guest
 * lookup) is tested through HTTP in my-auth.test.ts.
 */
export async function buyerClient(server: TestServer, session: Omit<NewBuyerSession, 'shopId'> & { shopId?: number }, headers: Record<string, string> = {}): Promise<HttpClient> {
  const { cookie } = await createBuyerSession(server.database.db, { shopId: server.shop.shopId, ...session } as NewBuyerSession, new Date());
  const client = new HttpClient(server.baseUrl, headers);
  client.setCookie(BUYER_SESSION_COOKIE, cookie);
  return client;
}
