import { josa } from 'es-hangul';
import { html, raw, won, type Raw } from './html';
import type { CatalogProduct, IssuedCoupon, Member, PlacedOrder, Quote, TestPayment } from './jumun-types';
import type { CartLine, ReceivedWebhook } from './state';

const optionLabel = (o: CatalogProduct['options'][number]) =>
  `${o.values.map((v) => v.value).join(' / ') || o.name}${o.extraPrice ? ` (${o.extraPrice > 0 ? '+' : ''}${won(o.extraPrice)})` : ''}${o.stock === 0 ? ' — 품절' : ''}`;

export function productsPage(products: CatalogProduct[]): Raw {
  if (products.length === 0) return html`<p>판매 중인 상품이 없습니다.</p>`;
  const cards = products.map((p) => {
    const options = p.options.filter((o) => o.status === 'active' && o.externalId);
    return html`<div class="card" data-product="${p.externalId}"><h3>${p.name}</h3><p class="price">${won(p.price)}</p>
      <form method="post" action="/cart/add"><input type="hidden" name="product" value="${p.externalId}">
      ${options.length ? html`<label>${p.optionNames.join(' / ') || '옵션'}<br><select name="option" aria-label="${p.name} 옵션">${options.map((o) => html`<option value="${o.externalId}" ${raw(o.stock === 0 ? 'disabled' : '')}>${optionLabel(o)}</option>`)}</select></label>` : ''}
      <label>수량 <input type="number" name="quantity" value="1" min="1" max="99" aria-label="${p.name} 수량"></label>
      <p><button type="submit">장바구니 담기</button></p></form></div>`;
  });
  return html`<div class="grid">${cards}</div>`;
}

export interface CartView {
  line: CartLine;
  product: CatalogProduct | undefined;
  unitPrice: number;
  label: string;
}

export function cartPage(lines: CartView[]): Raw {
  if (lines.length === 0) return html`<p>장바구니가 비어 있습니다. <a href="/">상품 보기</a></p>`;
  const rows = lines.map(
    (l, i) => html`<tr><td>${l.label}</td><td>${won(l.unitPrice)}</td><td>${l.line.quantity}</td><td>${won(l.unitPrice * l.line.quantity)}</td>
      <td><form method="post" action="/cart/remove"><input type="hidden" name="index" value="${i}"><button class="secondary" type="submit">삭제</button></form></td></tr>`,
  );
  return html`<table><thead><tr><th>상품</th><th>판매가</th><th>수량</th><th>금액</th><th></th></tr></thead><tbody>${rows}</tbody></table>
    <p><a class="button" href="/checkout">주문하기</a></p>`;
}

export interface CheckoutForm {
  checkoutId: string;
  name: string;
  phone: string;
  email: string;
  recipientName: string;
  recipientPhone: string;
  postcode: string;
  address1: string;
  address2: string;
  coupon: string;
  points: number;
  method: 'card' | 'virtual_account';
  guestPassword: string;
}

export function checkoutPage(form: CheckoutForm, member: Member | null, coupons: IssuedCoupon[], quote: Quote | null, error: string | null): Raw {
  const field = (name: keyof CheckoutForm, label: string, type = 'text') => html`<div><label for="${name}">${label}</label><input id="${name}" name="${name}" type="${type}" value="${form[name]}"></div>`;
  const totals = quote?.totals;
  return html`${error ? html`<div class="error" role="alert">${error}</div>` : ''}
  <form method="post" action="/checkout"><input type="hidden" name="checkoutId" value="${form.checkoutId}">
  <div class="card"><h2>주문자</h2><div class="row">${field('name', '이름')}${field('phone', '휴대폰')}${field('email', '이메일', 'email')}</div>
  ${member ? html`<p class="muted">${member.name} 회원 · ${member.grade?.name ?? '등급 없음'} · 적립금 ${won(member.pointsBalance)}</p>` : html`<div class="row">${field('guestPassword', '비회원 주문조회 비밀번호', 'password')}</div>`}</div>
  <div class="card"><h2>배송지</h2><div class="row">${field('recipientName', '받는 분')}${field('recipientPhone', '연락처')}${field('postcode', '우편번호')}</div>
  <div class="row">${field('address1', '주소')}${field('address2', '상세주소')}</div></div>
  ${member ? html`<div class="card"><h2>할인</h2><div class="row"><div><label for="coupon">쿠폰</label><select id="coupon" name="coupon"><option value="">사용 안 함</option>
    ${coupons.map((c) => html`<option value="${c.externalId}" ${raw(c.externalId === form.coupon ? 'selected' : '')}>${c.coupon.name}</option>`)}</select></div>
    ${field('points', '적립금 사용', 'number')}</div></div>` : ''}
  <div class="card"><h2>결제</h2>
    <label><input type="radio" name="method" value="card" ${raw(form.method === 'card' ? 'checked' : '')}> 신용카드 (테스트)</label>
    <label><input type="radio" name="method" value="virtual_account" ${raw(form.method === 'virtual_account' ? 'checked' : '')}> 가상계좌 (테스트)</label>
    ${totals ? html`<table aria-label="결제 금액"><tbody>
      <tr><td>상품금액</td><td>${won(totals.itemsSubtotal)}</td></tr>
      <tr><td>등급 할인</td><td>−${won(totals.gradeDiscount)}</td></tr>
      <tr><td>쿠폰 할인</td><td>−${won(totals.couponDiscount)}</td></tr>
      <tr><td>적립금 사용</td><td>−${won(totals.pointsUsed)}</td></tr>
      <tr><td>배송비</td><td>${won(totals.shippingFee)}</td></tr>
      <tr><th>결제 금액</th><th data-testid="checkout-total">${won(totals.total)}</th></tr></tbody></table>` : ''}
    <p><button class="secondary" name="action" value="quote" type="submit">금액 계산</button>
    <button name="action" value="pay" type="submit">${totals ? `${won(totals.total)} 결제하기` : '결제하기'}</button></p></div></form>`;
}

export function donePage(order: PlacedOrder, payment: TestPayment, myPage: { href: string; label: string }): Raw {
  const account = payment.virtualAccount;
  return html`<div class="card"><p>주문이 접수되었습니다.</p>
    <p>주문번호 <strong data-testid="order-number">${order.orderNumber}</strong> · ${order.orderStatusLabel} · ${won(order.totals.orderTotal)}</p>
    ${account && payment.status === 'pending'
      ? html`<p>입금 계좌: ${account.bank} ${account.accountNumber} (예금주 ${account.holder})</p>
        <form method="post" action="/deposit"><input type="hidden" name="paymentKey" value="${payment.paymentKey}"><input type="hidden" name="orderNumber" value="${order.orderNumber}">
        <button type="submit">입금하기 (테스트 은행)</button></form>`
      : html`<p>결제 완료: ${payment.card?.company ?? ''} ${payment.card?.numberMasked ?? ''}</p>`}
    <p><a class="button" href="${myPage.href}" data-testid="order-my-page-link">${myPage.label}에서 확인하기</a> <a href="/">계속 쇼핑하기</a></p></div>`;
}

/** A member's "내 주문" when this storefront was started without the shop's hand-off secret. */
export function handoffMissingPage(guestLookup: string): Raw {
  return html`<div class="card"><p>이 스토어에는 Jumun 회원 연동 비밀키가 설정되어 있지 않아 마이페이지로 바로 로그인할 수 없습니다.</p>
    <p class="muted">Jumun 관리자(대표)가 <code>POST /api/v1/shop/handoff-secret</code>으로 비밀키를 발급하고, 이 스토어를
    <code>STOREFRONT_HANDOFF_SECRET</code>과 함께 다시 시작하세요. (The shop's member hand-off secret is not set here.)</p>
    <p><a class="button" href="${guestLookup}">비회원 주문조회로 찾기</a></p></div>`;
}

export function membersPage(members: Member[], current: string | null): Raw {
  const rows = members.map(
    (m) => html`<tr><td>${m.name}</td><td>${m.grade?.name ?? ''}</td><td>${won(m.pointsBalance)}</td><td>${m.externalId}</td>
      <td><form method="post" action="/members/select"><input type="hidden" name="member" value="${m.externalId}">
      <button type="submit" ${raw(m.externalId === current ? 'disabled' : '')}>${m.externalId === current ? '선택됨' : `${josa(m.name, '으로/로')} 로그인`}</button></form></td></tr>`,
  );
  return html`<p class="muted">데모 회원으로 로그인합니다 (비밀번호 없이). 회원 정보는 이 스토어가 Jumun에 동기화한 것입니다.</p>
    <table><thead><tr><th>이름</th><th>등급</th><th>적립금</th><th>회원 ID</th><th></th></tr></thead><tbody>${rows}</tbody></table>
    <form method="post" action="/members/select"><input type="hidden" name="member" value=""><p><button class="secondary" type="submit">비회원으로 주문</button></p></form>`;
}

export function webhooksPage(list: ReceivedWebhook[], endpointUrl: string): Raw {
  const rows = list.map(
    (w) => html`<tr data-webhook-id="${w.id}"><td>${w.receivedAt.toLocaleString('ko-KR', { timeZone: 'Asia/Seoul' })}</td><td>${w.type}</td><td>${w.orderNumber ?? ''}</td>
      <td>${w.verified ? html`<span class="ok">서명 확인</span>` : html`<span class="bad">서명 불일치</span> <span class="muted">${w.reason ?? ''}</span>`}</td>
      <td><details><summary>${w.id}</summary><pre>${w.body}</pre></details></td></tr>`,
  );
  return html`<p class="muted">Jumun이 이 스토어의 <code>${endpointUrl}</code>로 보낸 웹훅입니다. 각 요청의 Standard Webhooks 서명을 이 스토어의 코드로 검증합니다.</p>
    ${list.length ? html`<table><thead><tr><th>받은 시각</th><th>이벤트</th><th>주문번호</th><th>서명</th><th>webhook-id / 내용</th></tr></thead><tbody>${rows}</tbody></table>` : html`<p>아직 받은 웹훅이 없습니다. 관리자 화면에서 주문을 변경해 보세요.</p>`}`;
}
