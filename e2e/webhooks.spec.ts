import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from '@playwright/test';
import { createCardOrder, staffApi } from './support/detail-api';
import { staff } from './support/accounts';
import { signIn } from './support/session';

interface Received {
  headers: IncomingHttpHeaders;
  body: { type: string; data: { order: { id: number; number: string } } };
}

/** A tiny receiver on loopback that answers 200 and keeps what it was sent. */
async function startReceiver(): Promise<{ server: Server; url: string; received: Received[] }> {
  const received: Received[] = [];
  const server = createServer((req, res) => {
    let text = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (text += chunk));
    req.on('end', () => {
      received.push({ headers: req.headers, body: JSON.parse(text) as Received['body'] });
      res.writeHead(200, { 'content-type': 'text/plain' }).end('received by e2e');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { server, url: `http://127.0.0.1:${port}/hooks/${Date.now()}`, received };
}

/**
 * 웹훅 settings: the owner adds an endpoint from the shell's menu, an order made through the API
 * reaches the test's receiver, the delivery log shows it as 전송완료, and 다시 보내기 sends the
 * same message again. The endpoint is deleted at the end, so later orders of other specs in the
 * demo shop queue no webhooks for a receiver that is gone.
 */
test('the owner adds a webhook endpoint, sees a delivered order.created in its log and redelivers it', async ({ page, playwright }) => {
  const receiver = await startReceiver();
  try {
    await signIn(page);
    await page.getByRole('navigation').getByRole('link', { name: '웹훅' }).click();
    await expect(page.getByRole('heading', { level: 1, name: '웹훅' })).toBeVisible();

    // the server's refusal is shown in the form, by its message
    await page.getByRole('button', { name: '엔드포인트 추가' }).click();
    const form = page.getByRole('dialog', { name: '엔드포인트 추가' });
    await form.getByLabel('URL').fill('ftp://example.com/hook');
    await form.getByRole('checkbox', { name: /order\.created/ }).check();
    await form.getByRole('button', { name: '엔드포인트 추가' }).click();
    await expect(form.locator('.mantine-TextInput-error')).toBeVisible();

    await form.getByLabel('URL').fill(receiver.url);
    await form.getByLabel('설명').fill('E2E 수신기');
    await expect(form.getByRole('checkbox', { name: '주문 생성 order.created' })).toBeChecked();
    await form.getByRole('button', { name: '엔드포인트 추가' }).click();
    await expect(form).toBeHidden();
    const row = page.getByRole('table', { name: '웹훅' }).getByRole('row', { name: new RegExp(receiver.url) });
    await expect(row).toContainText('order.created');
    await expect(row.getByRole('switch', { name: `사용: ${receiver.url}` })).toBeChecked();

    // the secret is shown, to be copied into the receiver
    await row.getByRole('button', { name: '비밀키 보기' }).click();
    const secretDialog = page.getByRole('dialog', { name: '서명 비밀키' });
    await expect(secretDialog.getByTestId('webhook-secret')).toHaveText(/^whsec_/);
    await secretDialog.getByRole('button', { name: '닫기' }).click();
    await expect(secretDialog).toBeHidden();

    // an order of its own, made as a storefront would: order.created goes to the receiver
    const api = await staffApi(playwright);
    const order = await createCardOrder(api, [{ name: 'E2E 웹훅 머그', price: 12000, quantity: 1 }]);
    await api.dispose();
    await expect.poll(() => receiver.received.filter((r) => r.body.data.order.id === order.id).length).toBe(1);
    const first = receiver.received.find((r) => r.body.data.order.id === order.id);
    expect(first?.body.type).toBe('order.created');
    expect(first?.body.data.order.number).toBe(order.orderNumber);
    expect(first?.headers['webhook-signature']).toMatch(/^v1,/);

    await row.getByRole('link', { name: `전송 기록: ${receiver.url}` }).click();
    await expect(page.getByRole('heading', { level: 1, name: '전송 기록' })).toBeVisible();
    const message = page.getByRole('table', { name: '전송 기록' }).getByRole('row').filter({ hasText: `주문 #${order.id}` });
    await expect(message).toContainText('order.created');
    await expect(message).toContainText('전송완료');
    await expect(message).toContainText('200');

    await message.getByRole('button', { name: /^메시지 보기/ }).click();
    const detail = page.getByRole('dialog', { name: '메시지 상세' });
    await expect(detail.getByTestId('webhook-order-number')).toHaveText(order.orderNumber);
    const attempts = detail.getByRole('table', { name: '시도 기록' });
    await expect(attempts.locator('tbody tr')).toHaveCount(1);
    await expect(attempts).toContainText('received by e2e');

    await detail.getByRole('button', { name: '다시 보내기' }).click();
    await expect(page.getByText('다시 보냈습니다: 전송완료')).toBeVisible();
    await expect(attempts.locator('tbody tr')).toHaveCount(2);
    await expect(attempts.locator('tbody tr').first()).toContainText('수동 재전송');
    const again = receiver.received.filter((r) => r.body.data.order.id === order.id);
    expect(again).toHaveLength(2);
    // the same webhook-id: receivers deduplicate by it
    expect(again[1]?.headers['webhook-id']).toBe(again[0]?.headers['webhook-id']);
    await page.keyboard.press('Escape');
    await expect(detail).toBeHidden();
    await expect(message.locator('td').nth(4)).toHaveText('2');

    // delete, with confirmation
    await page.getByRole('link', { name: '웹훅 목록으로' }).click();
    await row.getByRole('button', { name: '삭제' }).click();
    await page.getByRole('dialog', { name: '엔드포인트 삭제' }).getByRole('button', { name: '삭제' }).click();
    await expect(row).toHaveCount(0);
  } finally {
    receiver.server.close();
  }
});

test('staff members, whom the webhook API refuses, see no 웹훅 in the menu', async ({ page }) => {
  await signIn(page, staff(4));
  const menu = page.getByRole('navigation');
  await expect(menu.getByRole('link', { name: '상품' })).toBeVisible();
  await expect(menu.getByRole('link', { name: '웹훅' })).toHaveCount(0);
});
