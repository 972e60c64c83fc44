/**
 * Who the browser tests sign in as. The owner is the demo shop's (printed at start, as `npm start`
 * does); the staff members are one per test that keeps personal state (column layouts), so tests
 * running side by side never see each other's layouts.
 */
export const OWNER = { email: 'owner@demo.jumun.kr', password: process.env.E2E_OWNER_PASSWORD ?? 'e2e-owner-password-1', name: '김대표' };
export const SHOP_NAME = '주문 데모샵';
export const STAFF_PASSWORD = 'e2e-staff-password-1';
export const STAFF_COUNT = 5;
export const staff = (n: number) => ({ email: `staff${n}@e2e.jumun.kr`, password: STAFF_PASSWORD, name: `테스트직원${n}` });

/**
 * The owner of a second shop that only the order-list specs read, with the same 400 seeded orders
 * and no other test writing to it: their exact counts (400건, page ranges) cannot be disturbed by
 * the detail and bulk tests, which create and change orders in the demo shop side by side.
 */
export const LIST_OWNER = { email: 'owner@list.e2e.jumun.kr', password: 'e2e-list-owner-password-1', name: '목록대표' };

/**
 * The owner of the shop the demo storefront (examples/storefront) is connected to in the browser
 * tests: a shop of its own, so the storefront's products and orders never change the demo shop's
 * counts that other specs read.
 */
export const STOREFRONT_OWNER = { email: 'owner@storefront.e2e.jumun.kr', password: 'e2e-storefront-owner-password-1', name: '스토어대표' };
export const storefrontKeyFile = (jumunPort: string) => `test-results/e2e-storefront-${jumunPort}.key`;
/** The storefront shop's hand-off secret, with which the demo storefront signs its members into My Page. */
export const storefrontHandoffFile = (jumunPort: string) => `test-results/e2e-storefront-${jumunPort}.handoff`;
