import { expect, test, type APIRequestContext, type Browser } from '@playwright/test';
import { LIST_OWNER, OWNER, SHOP_NAME } from './support/accounts';
import { signedInRequestContext } from './support/api-session';
import { signInSession } from './support/session';

/**
 * 직원 관리 as the owner uses it, and what the invited person sees: the link page, landing signed
 * in with the role given; a role change and a deactivation reach that person's session at once.
 * The sign-in form's shop chooser for an e-mail that works for two shops.
 */

const baseURL = () => `http://127.0.0.1:${process.env.E2E_PORT ?? '3000'}`;
const unique = (what: string) => `${what}-${Date.now()}-${Math.random().toString(36).slice(2, 6)}@e2e.jumun.kr`;
const PASSWORD = 'e2e-newcomer-password-1';

/** A browser of its own: the invited person at another desk. */
async function freshPage(browser: Browser) {
  const context = await browser.newContext({ baseURL: baseURL(), locale: 'ko-KR' });
  return { context, page: await context.newPage() };
}

test('the owner invites from the screen; the link signs the newcomer in with the role; a role change and a deactivation reach them at once', async ({ page, browser }) => {
  const email = unique('invited');
  const name = `초대직원${Date.now() % 10_000}`;
  await signInSession(page, OWNER);
  await page.goto('/settings/staff');
  await expect(page.getByRole('heading', { level: 1, name: '직원 관리' })).toBeVisible();
  await expect(page.getByRole('table', { name: '권한표' }).locator('tr[data-permission="staff.manage"]')).toContainText('✓');

  await page.getByRole('button', { name: '직원 초대' }).click();
  const dialog = page.getByRole('dialog', { name: '직원 초대' });
  await dialog.getByLabel('이메일').fill(email);
  await dialog.getByLabel('이름').fill(name);
  await dialog.getByRole('combobox', { name: '권한' }).click();
  await page.getByRole('option', { name: '매니저' }).click();
  await dialog.getByRole('button', { name: '초대 링크 만들기' }).click();
  const link = (await page.getByTestId('staff-link').textContent()) ?? '';
  expect(link).toMatch(/\/invite\/\d+\./);
  await page.getByRole('button', { name: '닫기' }).first().click();
  await expect(page.getByRole('table', { name: '대기 중인 초대' })).toContainText(email);

  const newcomer = await freshPage(browser);
  try {
    await newcomer.page.goto(new URL(link).pathname);
    await expect(newcomer.page.getByRole('heading', { name: `${SHOP_NAME} 직원 초대` })).toBeVisible();
    await expect(newcomer.page.getByLabel('이메일')).toHaveValue(email);
    await newcomer.page.getByLabel(/^비밀번호( \*)?$/).fill(PASSWORD);
    await newcomer.page.getByLabel('비밀번호 확인').fill(PASSWORD);
    await newcomer.page.getByRole('button', { name: '가입하고 시작하기' }).click();
    await expect(newcomer.page).toHaveURL(/\/orders$/);
    await expect(newcomer.page.getByRole('banner')).toContainText(`${name} (매니저)`);

    await page.reload();
    const row = page.getByTestId(`staff-row-${email}`);
    await row.getByRole('combobox', { name: `${name}의 권한` }).click();
    await page.getByRole('option', { name: '직원', exact: true }).click();
    await expect(page.getByText('저장했습니다.').first()).toBeVisible();
    const me = await newcomer.page.request.get('/api/v1/auth/me');
    expect(((await me.json()) as { staff: { role: string } }).staff.role).toBe('staff');

    await row.getByRole('button', { name: `관리: ${name}` }).click();
    await page.getByRole('menuitem', { name: '비활성화' }).click();
    await page.getByRole('dialog', { name: '비활성화' }).getByRole('button', { name: '비활성화' }).click();
    await expect(row).toContainText('비활성');
    expect((await newcomer.page.request.get('/api/v1/auth/me')).status()).toBe(401);
  } finally {
    await newcomer.context.close();
  }
});

/** An invitation made and accepted through the API, as the screens do. */
async function joinThroughApi(owner: APIRequestContext, playwright: { request: { newContext: (o: { baseURL: string }) => Promise<APIRequestContext> } }, email: string) {
  const invited = await owner.post('/api/v1/staff-invitations', { data: { email, name: '두 곳 직원', role: 'staff' } });
  expect(invited.status(), await invited.text()).toBe(201);
  const { link } = (await invited.json()) as { link: { path: string } };
  const visitor = await playwright.request.newContext({ baseURL: baseURL() });
  const accepted = await visitor.post(`/api/v1/staff-invitations/${link.path.replace('/invite/', '')}/accept`, { data: { password: PASSWORD } });
  expect(accepted.status(), await accepted.text()).toBe(204);
  await visitor.dispose();
}

test('an e-mail on staff of two shops chooses the shop at sign-in', async ({ page, playwright }) => {
  const email = unique('both');
  const demoOwner = await signedInRequestContext(playwright.request, baseURL(), OWNER);
  const listOwner = await signedInRequestContext(playwright.request, baseURL(), LIST_OWNER);
  try {
    await joinThroughApi(demoOwner, playwright, email);
    await joinThroughApi(listOwner, playwright, email);
  } finally {
    await Promise.all([demoOwner.dispose(), listOwner.dispose()]);
  }
  await page.goto('/login');
  await page.getByLabel('이메일').fill(email);
  await page.getByLabel('비밀번호').fill(PASSWORD);
  await page.getByRole('button', { name: '로그인' }).click();
  const chooser = page.getByRole('group', { name: '어느 쇼핑몰로 로그인할까요?' });
  await expect(chooser.getByRole('button', { name: SHOP_NAME })).toBeVisible();
  await chooser.getByRole('button', { name: '목록 검증샵' }).click();
  await expect(page).toHaveURL(/\/orders$/);
  await expect(page.getByTestId('shop-name')).toHaveText('목록 검증샵');
});
