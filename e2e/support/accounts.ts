/**
 * Who the browser tests sign in as. The owner is the demo shop's (printed at start, as `npm start`
 * does); the staff members are one per test that keeps personal state (column layouts), so tests
 * running side by side never see each other's layouts.
 */
export const OWNER = { email: 'owner@demo.jumun.kr', password: process.env.E2E_OWNER_PASSWORD ?? 'e2e-owner-password-1', name: '김대표' };
export const SHOP_NAME = '주문 데모샵';
export const STAFF_PASSWORD = 'e2e-staff-password-1';
export const STAFF_COUNT = 4;
export const staff = (n: number) => ({ email: `staff${n}@e2e.jumun.kr`, password: STAFF_PASSWORD, name: `테스트직원${n}` });
