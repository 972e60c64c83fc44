import { expect, test, type Page } from '@playwright/test';
import { OWNER } from './support/accounts';
import { createCardOrder, staffApi } from './support/detail-api';
import { signIn } from './support/session';

/**
 * 알림 설정 and 발송 내역 as the owner uses them. The demo shop is shared with every other spec, so
 * what this one changes (a switch, a template) is put back before it ends, passing or failing.
 */

const SETTINGS = '/settings/notifications';

async function openSettings(page: Page) {
  await page.getByRole('navigation').getByRole('link', { name: '알림 설정' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '알림 설정' })).toBeVisible();
}

const switchFor = (page: Page, name: string) => page.getByRole('table', { name: '보낼 알림' }).getByRole('switch', { name });
const templates = (page: Page) => page.getByRole('region', { name: '메시지 템플릿' });
/** The switch's input sits under its track: toggled with Space, as a keyboard user does (and the other specs). */
async function toggle(page: Page, name: string) {
  await switchFor(page, name).focus();
  await page.keyboard.press('Space');
}
const savedSettings = (page: Page) => page.waitForResponse((r) => r.url().endsWith('/api/v1/notification-settings') && r.request().method() === 'PATCH');
const templatePut = (page: Page) => page.waitForResponse((r) => r.url().includes('/api/v1/notification-templates/order_received/alimtalk') && r.request().method() === 'PUT');

test('a switch is kept after a reload; a test send says where it went', async ({ page }) => {
  await signIn(page, OWNER);
  await openSettings(page);
  // 문자 alone is off for every moment until a shop turns it on
  const shippedSms = switchFor(page, '배송 시작 문자');
  await expect(shippedSms).not.toBeChecked();
  try {
    const saved = savedSettings(page);
    await toggle(page, '배송 시작 문자');
    expect((await saved).status()).toBe(200);
    await expect(shippedSms).toBeChecked();
    await page.reload();
    await expect(switchFor(page, '배송 시작 문자')).toBeChecked();
  } finally {
    if (await switchFor(page, '배송 시작 문자').isChecked()) {
      const saved = savedSettings(page);
      await toggle(page, '배송 시작 문자');
      expect((await saved).status()).toBe(200);
    }
  }
  await page.reload();
  await expect(switchFor(page, '배송 시작 문자')).not.toBeChecked();

  // no SMTP in the e2e server: a test send is kept in the development outbox, and says so
  const testSend = page.getByRole('form', { name: '테스트 발송' });
  await testSend.getByLabel('받는 곳').fill('e2e-test-send@example.com');
  await testSend.getByRole('button', { name: '테스트 발송' }).click();
  const outcome = page.getByTestId('test-send-outcome');
  await expect(outcome).toContainText('보냈습니다');
  await expect(outcome).toContainText('실제로 보내지 않고 보관한 메시지입니다 (채널 설정 전)');
  await expect(page.getByRole('region', { name: '채널 설정' }).getByTestId('setting-source').first()).toHaveText('설정 없음: 개발용 발송함에 보관됩니다');
});

test('a template edited with a variable shows the preview with a real order, and goes back to the default', async ({ page, playwright }) => {
  const api = await staffApi(playwright);
  const order = await createCardOrder(api, [{ name: 'E2E 알림 머그', price: 15000, quantity: 1 }]);
  await api.dispose();

  await signIn(page, OWNER);
  await openSettings(page);
  const section = templates(page);
  await expect(section.getByRole('tab', { name: /알림톡/, selected: true })).toBeVisible();
  const body = section.getByLabel('내용');
  await expect(body).toHaveValue(/^\[#\{쇼핑몰명\}\] 주문이 접수되었습니다\./);
  await expect(section.getByTestId('template-state')).toHaveText('기본값');

  try {
    // the chip puts the variable where the cursor is: at the end of what was typed
    await body.fill('E2E 주문 안내: ');
    await body.press('End');
    await section.getByRole('button', { name: '#{주문번호} 넣기' }).click();
    await expect(body).toHaveValue('E2E 주문 안내: #{주문번호}');

    const preview = section.getByTestId('template-preview');
    await preview.getByLabel('주문번호 (비우면 최근 주문)').fill(order.orderNumber);
    await expect(preview.getByTestId('preview-alimtalk')).toContainText(`E2E 주문 안내: ${order.orderNumber}`);
    await expect(preview).toContainText(`주문 ${order.orderNumber}의 정보로 채웠습니다.`);

    const put = templatePut(page);
    await section.getByRole('button', { name: '저장' }).click();
    expect((await put).status()).toBe(200);
    await expect(page.getByText('템플릿을 저장했습니다.')).toBeVisible();
    await expect(section.getByTestId('template-state')).toHaveText('직접 작성');

    // kept on the server: a reload shows the shop's own text
    await page.reload();
    await expect(templates(page).getByLabel('내용')).toHaveValue('E2E 주문 안내: #{주문번호}');
  } finally {
    const reset = templates(page).getByRole('button', { name: '기본값으로 되돌리기' });
    if (await reset.isEnabled()) await reset.click();
  }
  await expect(page.getByText('기본값으로 되돌렸습니다.')).toBeVisible();
  await expect(templates(page).getByLabel('내용')).toHaveValue(/^\[#\{쇼핑몰명\}\] 주문이 접수되었습니다\./);
  await expect(templates(page).getByTestId('template-state')).toHaveText('기본값');
  await page.reload();
  await expect(templates(page).getByLabel('내용')).toHaveValue(/^\[#\{쇼핑몰명\}\] 주문이 접수되었습니다\./);
});

test('an unknown variable is named while typing and refused by the server on 저장', async ({ page }) => {
  await signIn(page, OWNER);
  await page.goto(SETTINGS);
  const section = templates(page);
  const body = section.getByLabel('내용');
  await body.fill('#{없는변수}님 주문 #{주문번호}');
  await expect(section.getByText('이 알림에서 쓸 수 없는 변수: #{없는변수}')).toBeVisible();

  const put = templatePut(page);
  await section.getByRole('button', { name: '저장' }).click();
  const answer = await put;
  expect(answer.status()).toBe(400);
  const { error } = (await answer.json()) as { error: { code: string; message: string } };
  expect(error.code).toBe('NOTIFICATION_TEMPLATE_UNKNOWN_VARIABLE');
  // the server's words stand under the text, beside the name found here; nothing was saved
  await expect(section.getByText(error.message)).toBeVisible();
  await expect(page.getByText('템플릿을 저장했습니다.')).toHaveCount(0);
  await page.reload();
  await expect(templates(page).getByTestId('template-state')).toHaveText('기본값');
});

test('the development outbox shows an order’s message as the buyer would see it', async ({ page, playwright }) => {
  const api = await staffApi(playwright);
  const order = await createCardOrder(api, [{ name: 'E2E 발송함 머그', price: 9000, quantity: 1 }]);
  await api.dispose();

  await signIn(page, OWNER);
  await page.getByRole('navigation').getByRole('link', { name: '발송 내역' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '발송 내역' })).toBeVisible();
  await page.getByLabel('주문번호 검색').fill(order.orderNumber);
  await page.getByLabel('주문번호 검색').press('Enter');
  await expect(page).toHaveURL(new RegExp(`orderNumber=${order.orderNumber}`));
  // queued by the order's timeline event and kept by the outbox worker (no channel is set up in the e2e shop)
  const alimtalk = page.getByRole('table', { name: '발송 내역' }).getByRole('row').filter({ hasText: '알림톡' }).filter({ hasText: '주문 접수' });
  await expect(alimtalk).toContainText('개발용 발송함');
  await alimtalk.getByRole('button', { name: /^메시지 보기: 주문 접수/ }).click();
  const detail = page.getByRole('dialog', { name: '메시지 보기' });
  await expect(detail.getByTestId('development-banner')).toHaveText('실제로 보내지 않고 보관한 메시지입니다 (채널 설정 전)');
  await expect(detail.getByTestId('preview-alimtalk')).toContainText(order.orderNumber);
  // the 주문 확인 link is a real link
  await expect(detail.getByTestId('preview-alimtalk').getByRole('link').first()).toHaveAttribute('href', /^https?:\/\//);
  await expect(detail.getByRole('table', { name: '시도 기록' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(detail).toBeHidden();

  // the order's timeline: the sent message's line sends it again and leads to it, resend and all
  await page.goto(`/orders/${order.id}`);
  const line = page.getByTestId('timeline').getByRole('listitem').filter({ has: page.getByRole('link', { name: '메시지 보기' }) }).first();
  await line.getByRole('button', { name: '다시 보내기' }).click();
  await expect(page.getByText('다시 보냈습니다: 발송완료')).toBeVisible();
  await line.getByRole('link', { name: '메시지 보기' }).click();
  await expect(page).toHaveURL(/\/messages\?id=\d+$/);
  const reopened = page.getByRole('dialog', { name: '메시지 보기' });
  await expect(reopened.getByRole('table', { name: '시도 기록' })).toContainText('직원이 다시 보냄');
});

/** Signs in through the login page, which returns to `path` (on a phone the order list is cards, not signIn's table). */
async function signInTo(page: Page, path: string) {
  await page.goto(path);
  await expect(page).toHaveURL(/\/login\?next=/);
  await page.getByLabel('이메일').fill(OWNER.email);
  await page.getByLabel('비밀번호').fill(OWNER.password);
  await page.getByRole('button', { name: '로그인' }).click();
  await expect(page).toHaveURL(new RegExp(`${path}$`));
}

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 } });
  test('the settings and the message list fit 390 px', async ({ page }) => {
    await signInTo(page, SETTINGS);
    await expect(page.getByRole('table', { name: '보낼 알림' })).toBeVisible();
    await expect(templates(page).getByLabel('내용')).toBeVisible();
    await expectNoSidewaysScroll(page);
    await page.goto('/messages');
    await expect(page.getByRole('heading', { level: 1, name: '발송 내역' })).toBeVisible();
    await expect(page.getByRole('list', { name: '발송 내역' }).or(page.getByText('조건에 맞는 메시지가 없습니다.'))).toBeVisible();
    await expectNoSidewaysScroll(page);
  });
});

async function expectNoSidewaysScroll(page: Page) {
  const [scrollWidth, clientWidth] = (await page.evaluate('[document.documentElement.scrollWidth, document.documentElement.clientWidth]')) as [number, number];
  expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
}
