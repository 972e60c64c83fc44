/**
 * The HTML of the test gateway's payment window: a plain form, no script (the CSP allows none
 * inline, and a PG window that works without JavaScript is what a test needs), styled inline with
 * a <style> block, which the CSP allows. Mobile first: one column, large touch targets.
 */
import { INSTALLMENT_MIN_AMOUNT, INSTALLMENT_MONTHS, TEST_WINDOW_CARDS } from './gateways/test-gateway-rules';

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const won = (amount: number) => `${amount.toLocaleString('ko-KR')}원`;

const STYLE = `
  * { box-sizing: border-box; }
  body { margin: 0; font-family: -apple-system, 'Apple SD Gothic Neo', 'Noto Sans KR', 'Malgun Gothic', sans-serif; background: #f1f3f5; color: #212529; }
  main { max-width: 28rem; margin: 0 auto; padding: 1.25rem 1rem 2rem; }
  .window { background: #fff; border-radius: 12px; box-shadow: 0 1px 4px rgba(0,0,0,.08); padding: 1.25rem; }
  .badge { display: inline-block; font-size: .75rem; background: #fff3bf; color: #5c3c00; border-radius: 4px; padding: .125rem .5rem; }
  h1 { font-size: 1.125rem; margin: .75rem 0 .25rem; }
  .shop { color: #495057; margin: 0; }
  .amount { font-size: 1.75rem; font-weight: 700; margin: 1rem 0; }
  label { display: block; font-weight: 600; margin: 1rem 0 .375rem; }
  select { width: 100%; font-size: 1rem; padding: .75rem; border: 1px solid #ced4da; border-radius: 8px; background: #fff; }
  .hint { font-size: .8125rem; color: #868e96; margin: .375rem 0 0; }
  .actions { display: grid; gap: .5rem; margin-top: 1.5rem; }
  button { font-size: 1rem; padding: .875rem; border-radius: 8px; border: 1px solid transparent; cursor: pointer; }
  .approve { background: #1c7ed6; color: #fff; font-weight: 700; }
  .decline { background: #fff; color: #c92a2a; border-color: #ffa8a8; }
  .cancel { background: #f1f3f5; color: #495057; }
  .error { background: #fff5f5; color: #c92a2a; border-radius: 8px; padding: .75rem; }
`;

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="ko"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex"><title>${escapeHtml(title)}</title><style>${STYLE}</style></head>
<body><main><div class="window">${body}</div></main></body></html>`;
}

export interface WindowView {
  shopId: number;
  gatewayOrderId: string;
  shopName: string;
  orderName: string;
  amount: number;
  /** Shown above the form when a submission was refused. */
  error?: string;
}

/** The window itself: what is paid, the card and installments, and the three ways out. */
export function windowPage(v: WindowView): string {
  const cards = TEST_WINDOW_CARDS.map((c) => `<option value="${c.code}">${escapeHtml(c.label)}카드</option>`).join('');
  const months = v.amount >= INSTALLMENT_MIN_AMOUNT ? INSTALLMENT_MONTHS.map((m) => `<option value="${m}">${m}개월</option>`).join('') : '';
  const hint = v.amount >= INSTALLMENT_MIN_AMOUNT ? '' : `<p class="hint">${won(INSTALLMENT_MIN_AMOUNT)} 미만 결제는 일시불만 가능합니다.</p>`;
  return page(
    '테스트 결제창',
    `<span class="badge">테스트 결제 · Test payment — 실제로 청구되지 않습니다</span>
<h1>${escapeHtml(v.orderName)}</h1>
<p class="shop">${escapeHtml(v.shopName)}</p>
<p class="amount">${won(v.amount)}</p>
${v.error ? `<p class="error" role="alert">${escapeHtml(v.error)}</p>` : ''}
<form method="get" action="/my/pay/test-window/submit">
<input type="hidden" name="shop" value="${v.shopId}">
<input type="hidden" name="checkout" value="${escapeHtml(v.gatewayOrderId)}">
<label for="card">카드사</label>
<select id="card" name="card">${cards}</select>
<label for="installments">할부</label>
<select id="installments" name="installments"><option value="0">일시불</option>${months}</select>
${hint}
<div class="actions">
<button class="approve" type="submit" name="action" value="approve">결제하기</button>
<button class="decline" type="submit" name="action" value="decline">결제 실패 테스트</button>
<button class="cancel" type="submit" name="action" value="cancel">취소</button>
</div>
</form>`,
  );
}

/** A window that cannot be used (unknown, or already paid or closed). */
export function closedWindowPage(message: string): string {
  return page('테스트 결제창', `<span class="badge">테스트 결제 · Test payment</span><h1>결제를 진행할 수 없습니다</h1><p class="error" role="alert">${escapeHtml(message)}</p>`);
}
