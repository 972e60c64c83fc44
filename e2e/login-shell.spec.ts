import { expect, test, type Page } from '@playwright/test';
import { OWNER, SHOP_NAME } from './support/accounts';
import { signIn, table, waitForRows } from './support/session';

const englishTable = (page: Page) => page.getByRole('table', { name: 'Orders table' });

test('signing in shows the shell with the shop and the staff member; signing out returns to login', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveURL(/\/login\?next=%2Forders/);

  await page.getByLabel('이메일').fill(OWNER.email);
  await page.getByLabel('비밀번호').fill('wrong-password');
  await page.getByRole('button', { name: '로그인' }).click();
  await expect(page.getByRole('alert')).toHaveText('이메일 또는 비밀번호가 올바르지 않습니다.');

  await page.getByLabel('비밀번호').fill(OWNER.password);
  await page.getByRole('button', { name: '로그인' }).click();
  await expect(page).toHaveURL(/\/orders$/);
  await expect(page.getByRole('banner')).toContainText(SHOP_NAME);
  await expect(page.getByRole('banner')).toContainText(`${OWNER.name} (대표)`);
  await waitForRows(page);

  await page.getByRole('button', { name: '로그아웃' }).click();
  await expect(page).toHaveURL(/\/login/);
  await page.goto('/orders');
  await expect(page).toHaveURL(/\/login\?next=/);
});

test('English: the switch changes headers and words, is remembered, and the server answers in English', async ({ page }) => {
  await signIn(page);
  await expect(table(page).getByRole('columnheader', { name: '주문번호' })).toBeVisible();

  // the segmented control's radios are visually hidden: a person clicks the words
  await page.getByRole('banner').getByText('English', { exact: true }).click();
  await expect(page.getByRole('radio', { name: 'English' })).toBeChecked();
  await expect(englishTable(page).getByRole('columnheader', { name: 'Order number' })).toBeVisible();
  await expect(englishTable(page).getByRole('columnheader', { name: 'Buyer' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Orders' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
  await expect(page.getByRole('searchbox', { name: 'Search orders' })).toHaveAttribute('placeholder', /order number, name, phone/);

  await page.reload();
  await expect(englishTable(page).getByRole('columnheader', { name: 'Order number' })).toBeVisible();
  // labels from the server follow the language too (payment method cells)
  await expect(englishTable(page).locator('tbody')).toContainText(/Card|Virtual account|Bank transfer|Easy pay/);

  await page.getByRole('banner').getByText('한국어', { exact: true }).click();
  await expect(table(page).getByRole('columnheader', { name: '주문번호' })).toBeVisible();
});
