/** The policy page's address, apart from the page: the router and the menu need it at start, the page loads when opened. */
export const SHOP_POLICY_PATH = '/settings/policy';
