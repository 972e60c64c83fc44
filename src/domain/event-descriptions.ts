/**
 * How each timeline event reads, in Korean or English: one line per event, money as "12,000원",
 * times in Korean time. Kept apart from the event types so that file stays about what happened.
 */
import { CHANNEL_LABELS, MOMENT_LABELS } from './buyer-message-moments';
import { claimReasonText } from './claim-reasons';
import { channelLabel } from './channels';
import { courierLabel } from './couriers';
import { CLAIM_KIND_LABELS, formatKst, gatewayLabel, gatewayStatusLabel, methodLabel, PAYMENT_VOID_REASONS, refundNoteIn, wonIn } from './event-labels';
import { withParticle } from './korean-particles';
import type { Won } from './money';
import { qualifiedStatusLabel } from './status';
import type { OrderEditChanges, TimelineEvent, UnitMove } from './events';
import type { TransitionKind } from './status';

/** The remote-area surcharge difference of an address change, which an order edit settles. */
function feeNote(difference: Won, ko: boolean): string {
  const lang = ko ? 'ko' : 'en';
  if (difference === 0) return '';
  const amount = `${difference > 0 ? '+' : ''}${wonIn(difference, lang)}`;
  return ko ? ` (도서산간 배송비 차액 ${amount}: 주문 수정으로 정산)` : ` (remote-area surcharge difference ${amount}, to settle by an order edit)`;
}

function describeEditChanges(c: OrderEditChanges, ko: boolean): string {
  const lang = ko ? 'ko' : 'en';
  const parts = [
    ...c.added.map((a) => (ko ? `${a.productName} ${a.quantity}개 추가` : `added ${a.productName} ×${a.quantity}`)),
    ...c.quantities.map((q) => (ko ? `${q.productName} 수량 ${q.from} → ${q.to}` : `${q.productName} quantity ${q.from} → ${q.to}`)),
    ...(c.couponName ? [ko ? `쿠폰 적용 (${c.couponName})` : `coupon applied (${c.couponName})`] : []),
    ...(c.pointsUsed > 0 ? [ko ? `적립금 ${wonIn(c.pointsUsed, lang)} 사용` : `${wonIn(c.pointsUsed, lang)} in points used`] : []),
  ];
  return parts.join(', ');
}

/**
 * A one-line human description of an event, in Korean or English; money as "12,000원". Items are
 * named by `itemNames` (the order's "상품명 / 옵션") where the reader has them, else by number.
 */
export function describeEvent(e: TimelineEvent, lang: 'ko' | 'en', itemNames: ReadonlyMap<number, string> = new Map()): string {
  const ko = lang === 'ko';
  const units = (itemId: number, quantity: number, capital = false) => {
    const name = itemNames.get(itemId);
    if (name) return ko ? `${name} ${quantity}개` : `${name} ×${quantity}`;
    return ko ? `품목 #${itemId} ${quantity}개` : `${capital ? 'Item' : 'item'} #${itemId} ×${quantity}`;
  };
  switch (e.type) {
    case 'order_created':
      return ko
        ? `주문이 접수되었습니다 (${channelLabel(e.channel, lang)}, 품목 ${e.itemCount}개, 합계 ${wonIn(e.total, lang)})`
        : `Order placed via ${channelLabel(e.channel, lang)}: ${e.itemCount} item(s), total ${wonIn(e.total, lang)}`;
    case 'payment_pending': {
      const due = e.dueAt === null ? '' : ko ? ` (입금기한 ${formatKst(e.dueAt)})` : ` (due ${formatKst(e.dueAt)} KST)`;
      return ko
        ? `${methodLabel(e.method, lang)} 결제 ${wonIn(e.amount, lang)}의 입금을 기다리고 있습니다${due}`
        : `Awaiting ${methodLabel(e.method, lang).toLowerCase()} payment of ${wonIn(e.amount, lang)}${due}`;
    }
    case 'payment_captured':
      return ko
        ? `${methodLabel(e.method, lang)} 결제 ${withParticle(wonIn(e.amount, lang), '이/가')} 완료되었습니다`
        : `${methodLabel(e.method, lang)} payment of ${wonIn(e.amount, lang)} captured`;
    case 'payment_failed': {
      const reason = e.reason ? ` (${e.reason})` : '';
      return ko
        ? `${methodLabel(e.method, lang)} 결제 ${withParticle(wonIn(e.amount, lang), '이/가')} 실패했습니다${reason}`
        : `${methodLabel(e.method, lang)} payment of ${wonIn(e.amount, lang)} failed${reason}`;
    }
    case 'deposit_confirmed': {
      const who = e.depositorName ? (ko ? ` (입금자 ${e.depositorName})` : ` (from ${e.depositorName})`) : '';
      return ko ? `입금 ${withParticle(wonIn(e.amount, lang), '이/가')} 확인되었습니다${who}` : `Deposit of ${wonIn(e.amount, lang)} confirmed${who}`;
    }
    case 'payment_requested': {
      const reason = e.reason ? ` (${e.reason})` : '';
      return ko ? `추가 결제 ${withParticle(wonIn(e.amount, lang), '을/를')} 요청했습니다${reason}` : `Requested an additional payment of ${wonIn(e.amount, lang)}${reason}`;
    }
    case 'refund_completed':
      return ko
        ? `${withParticle(wonIn(e.amount, lang), '이/가')} 환불되었습니다 (${methodLabel(e.method, lang)})`
        : `Refunded ${wonIn(e.amount, lang)} (${methodLabel(e.method, lang).toLowerCase()})`;
    case 'claim_requested':
    case 'claim_withdrawn': {
      const what = e.items.map((i) => units(i.itemId, i.quantity)).join(', ');
      const kind = CLAIM_KIND_LABELS[e.claimKind][lang];
      if (e.type === 'claim_withdrawn') return ko ? `${kind} 요청 ${withParticle(`#${e.claimId}`, '을/를')} 철회했습니다 (${what})` : `Withdrew ${kind.toLowerCase()} #${e.claimId} (${what})`;
      const words = e.reasonCode ? claimReasonText(e.reasonCode, e.reasonText, lang) : e.reason;
      const reason = words ? ` (${words})` : '';
      return ko ? `${kind} 접수 #${e.claimId}: ${what}${reason}` : `${kind} #${e.claimId} requested: ${what}${reason}`;
    }
    case 'claim_status_changed': {
      const move = `${qualifiedStatusLabel(e.from, lang)} → ${qualifiedStatusLabel(e.to, lang)}`;
      const revert = e.kind === 'revert' ? (ko ? ' (되돌림)' : ' (reverted)') : '';
      return ko ? `${CLAIM_KIND_LABELS[e.claimKind].ko} #${e.claimId}: ${move}${revert}` : `${CLAIM_KIND_LABELS[e.claimKind].en} #${e.claimId}: ${move}${revert}`;
    }
    case 'refund_pending': {
      const note = e.note ? ` (${refundNoteIn(e.note, lang)})` : '';
      return ko
        ? `${wonIn(e.amount, lang)} 환불을 기다리고 있습니다 (${methodLabel(e.method, lang)})${note}`
        : `Refund of ${wonIn(e.amount, lang)} pending (${methodLabel(e.method, lang).toLowerCase()})${note}`;
    }
    case 'refund_failed':
      return ko ? `${wonIn(e.amount, lang)} 환불이 실패했습니다: ${e.message}` : `Refund of ${wonIn(e.amount, lang)} failed: ${e.message}`;
    case 'refund_voided':
      return ko ? `${wonIn(e.amount, lang)} 환불을 무효 처리했습니다` : `Voided the refund of ${wonIn(e.amount, lang)}`;
    case 'memo_added':
      return ko ? '메모를 남겼습니다' : 'Added a memo';
    case 'memo_edited':
      return ko ? '메모를 수정했습니다' : 'Edited a memo';
    case 'memo_deleted':
      return ko ? '메모를 삭제했습니다' : 'Deleted a memo';
    case 'statuses_changed':
      return describeMoves(e.moves, e.kind, lang, units);
    case 'status_changed': {
      const move = `${qualifiedStatusLabel(e.from, lang)} → ${qualifiedStatusLabel(e.to, lang)}`;
      const revert = e.kind === 'revert' ? (ko ? ' (되돌림)' : ' (reverted)') : '';
      return `${units(e.itemId, e.quantity, true)}: ${move}${revert}`;
    }
    case 'tracking_assigned':
      return ko
        ? `송장번호가 등록되었습니다 (${courierLabel(e.courier, lang)} ${e.trackingNumber})`
        : `Tracking number assigned (${courierLabel(e.courier, lang)} ${e.trackingNumber})`;
    case 'order_edited': {
      const what = e.changes ? describeEditChanges(e.changes, ko) : '';
      return ko
        ? `주문이 수정되었습니다${what ? `: ${what}` : ''} (합계 ${wonIn(e.totalBefore, lang)} → ${wonIn(e.totalAfter, lang)})`
        : `Order edited${what ? `: ${what}` : ''} (total ${wonIn(e.totalBefore, lang)} → ${wonIn(e.totalAfter, lang)})`;
    }
    case 'payment_request_cancelled': {
      const reason = e.reason ? ` (${e.reason})` : '';
      return ko ? `추가 결제 요청 ${withParticle(wonIn(e.amount, lang), '을/를')} 취소했습니다${reason}` : `Withdrew the additional payment request of ${wonIn(e.amount, lang)}${reason}`;
    }
    case 'tracking_removed':
      return ko
        ? `송장번호를 취소했습니다 (${courierLabel(e.courier, lang)} ${e.trackingNumber})`
        : `Tracking number removed (${courierLabel(e.courier, lang)} ${e.trackingNumber})`;
    case 'deposit_reverted':
      return ko ? `입금 확인 ${withParticle(wonIn(e.amount, lang), '을/를')} 취소했습니다 (입금대기로 되돌림)` : `Deposit confirmation of ${wonIn(e.amount, lang)} reverted (awaiting payment again)`;
    case 'address_added':
      return ko ? `배송지를 추가했습니다 (#${e.addressId})` : `Added shipping address #${e.addressId}`;
    case 'address_changed':
      return ko
        ? `배송지 정보를 수정했습니다 (#${e.addressId})${feeNote(e.remoteFeeDifference, ko)}`
        : `Changed shipping address #${e.addressId}${feeNote(e.remoteFeeDifference, ko)}`;
    case 'address_removed':
      return ko ? `배송지를 삭제했습니다 (#${e.addressId})` : `Removed shipping address #${e.addressId}`;
    case 'units_reallocated': {
      const what = e.moves.map((m) => units(m.itemId, m.quantity)).join(', ');
      return ko
        ? `${withParticle(what, '을/를')} 다른 배송지(#${e.toAddressId})로 옮겼습니다${feeNote(e.remoteFeeDifference, ko)}`
        : `Moved ${what} to shipping address #${e.toAddressId}${feeNote(e.remoteFeeDifference, ko)}`;
    }
    case 'gateway_notification':
      return describeGatewayNotification(e, ko);
    case 'overpayment_refund_created':
      return ko
        ? `초과 결제금 ${wonIn(e.amount, lang)} 환불을 시작했습니다 (${e.reason})`
        : `Started refunding the overpaid ${wonIn(e.amount, lang)} (${e.reason})`;
    case 'guest_lookup_failed': {
      const lock = e.locked ? (ko ? ' — 조회를 잠시 잠갔습니다' : '; lookups of this order are locked for a while') : '';
      return ko
        ? `비회원 주문조회 실패 ${e.failures}회째 (접속 주소 ${e.clientAddress})${lock}`
        : `Guest order lookup failed, ${e.failures} time(s) (from ${e.clientAddress})${lock}`;
    }
    case 'payment_voided': {
      const why = PAYMENT_VOID_REASONS[e.reason][lang];
      const done = e.cancelled
        ? ko ? '결제를 PG에서 바로 취소했습니다' : 'the payment was cancelled at the gateway at once'
        : ko ? 'PG 취소가 아직 완료되지 않아 직원 확인이 필요합니다' : 'the gateway cancel has not gone through yet; staff must check it';
      return ko
        ? `추가 결제 ${withParticle(wonIn(e.amount, lang), '이/가')} 승인되었지만 ${why} ${done}`
        : `An additional payment of ${wonIn(e.amount, lang)} was approved, but ${why}; ${done}`;
    }
    case 'held_units_released': {
      const what = e.items.map((i) => units(i.itemId, i.quantity)).join(', ');
      return ko ? `추가 결제가 완료되어 ${what}의 배송을 준비합니다 (입금대기 → 결제완료)` : `Additional payment received: ${what} released for shipping (awaiting payment → paid)`;
    }
    case 'purchase_confirmed': {
      const what = e.items.map((i) => units(i.itemId, i.quantity)).join(', ');
      if (e.automatic) return ko ? `배송완료 후 기한이 지나 자동으로 구매확정되었습니다: ${what}` : `Purchase confirmed automatically after the confirmation period: ${what}`;
      return ko ? `구매를 확정했습니다: ${what}` : `Purchase confirmed: ${what}`;
    }
    case 'unpaid_order_cancelled': {
      const what = e.items.map((i) => units(i.itemId, i.quantity)).join(', ');
      const account = e.accountClosed ? (ko ? ', 가상계좌를 닫았습니다' : '; the virtual account was closed') : '';
      return ko
        ? `입금기한(${formatKst(e.dueAt)})이 지나 주문을 자동 취소했습니다: ${what}${account}`
        : `Cancelled automatically: not paid by the due date (${formatKst(e.dueAt)} KST): ${what}${account}`;
    }
    case 'buyer_message_sent':
    case 'buyer_message_fell_back':
    case 'buyer_message_failed':
    case 'buyer_message_skipped':
      return describeBuyerMessage(e, lang);
  }
}

/**
 * One change's moves on one line: items grouped by the status they went to, an item moved out of
 * two parcels counted once ("면 양말 2개, 린넨 셔츠 1개를 상품준비중으로 변경했습니다 (결제완료 →
 * 상품준비중)"); the arrow keeps where they came from.
 */
function describeMoves(moves: readonly UnitMove[], kind: TransitionKind, lang: 'ko' | 'en', units: (itemId: number, quantity: number) => string): string {
  const ko = lang === 'ko';
  const byTarget = new Map<UnitMove['to'], { from: Set<UnitMove['from']>; quantities: Map<number, number> }>();
  for (const m of moves) {
    const group = byTarget.get(m.to) ?? { from: new Set(), quantities: new Map() };
    group.from.add(m.from);
    group.quantities.set(m.itemId, (group.quantities.get(m.itemId) ?? 0) + m.quantity);
    byTarget.set(m.to, group);
  }
  const sentences = [...byTarget].map(([to, g]) => {
    const what = [...g.quantities].map(([itemId, quantity]) => units(itemId, quantity)).join(', ');
    const target = qualifiedStatusLabel(to, lang);
    const arrow = `${[...g.from].map((f) => qualifiedStatusLabel(f, lang)).join(ko ? '·' : ', ')} → ${target}`;
    if (ko) return `${withParticle(what, '을/를')} ${withParticle(target, '으로/로')} ${kind === 'revert' ? '되돌렸습니다' : '변경했습니다'} (${arrow})`;
    return `${kind === 'revert' ? 'Reverted' : 'Moved'} ${what} to ${target} (${arrow})`;
  });
  return sentences.join(ko ? ' / ' : '; ');
}

function gatewaySaid(e: Extract<TimelineEvent, { type: 'gateway_notification' }>, ko: boolean): string {
  const lang = ko ? 'ko' : 'en';
  if (e.notification === 'deposit_confirmed') {
    if (e.amount === null) return ko ? '입금 확인' : 'deposit confirmed';
    return ko ? `입금 ${wonIn(e.amount, lang)} 확인` : `deposit of ${wonIn(e.amount, lang)} confirmed`;
  }
  if (e.notification === 'payment_cancelled') return ko ? '결제 취소' : 'payment cancelled';
  const status = e.gatewayStatus === null ? null : gatewayStatusLabel(e.gatewayStatus, ko ? 'ko' : 'en');
  return ko ? `상태 ${status ?? '알 수 없음'}` : `status ${status ?? 'unknown'}`;
}

function describeGatewayNotification(e: Extract<TimelineEvent, { type: 'gateway_notification' }>, ko: boolean): string {
  const lang = ko ? 'ko' : 'en';
  const said = gatewaySaid(e, ko);
  const gateway = gatewayLabel(e.gateway, ko ? 'ko' : 'en');
  const head = ko ? `PG(${gateway}) 알림: 결제 #${e.paymentId} ${said}` : `Gateway (${gateway}) notice: payment #${e.paymentId} ${said}`;
  switch (e.action) {
    case 'deposit_applied':
      return ko ? `${head} — 입금 확인 처리했습니다` : `${head}; deposit confirmed`;
    case 'deposit_partial': {
      const short = e.amount !== null && e.due !== null ? e.due - e.amount : null;
      const rest = short === null ? '' : ko ? ` (${wonIn(short, lang)} 부족)` : ` (${wonIn(short, lang)} short)`;
      return ko
        ? `${head} — 결제 금액 ${wonIn(e.due ?? 0, lang)}보다 적게 입금되어 입금액만 반영하고 입금대기로 두었습니다${rest}`
        : `${head}; less than the ${wonIn(e.due ?? 0, lang)} due was deposited, so only the deposit was recorded and the order still awaits payment${rest}`;
    }
    case 'review_needed':
      return ko
        ? `${head} — 주문의 결제 내역과 다릅니다. 금액은 자동으로 변경하지 않았으니 PG 관리자 화면에서 확인하세요`
        : `${head}; this contradicts the order's payments. No money was moved automatically: check the gateway's console`;
  }
}

const SKIP_REASONS = {
  no_phone: { ko: '휴대폰 번호 없음', en: 'no phone number' },
  invalid_phone: { ko: '휴대폰 번호가 아님', en: 'not a mobile number' },
  no_email: { ko: '이메일 없음', en: 'no e-mail address' },
  invalid_email: { ko: '이메일 형식 오류', en: 'malformed e-mail address' },
} as const;

/** "[주문 접수] 알림톡을 010-****-5678로 보냈습니다" — which moment, which channel, to whom, and how it went. */
function describeBuyerMessage(e: Extract<TimelineEvent, { type: `buyer_message_${string}` }>, lang: 'ko' | 'en'): string {
  const ko = lang === 'ko';
  const moment = MOMENT_LABELS[e.moment][lang];
  switch (e.type) {
    case 'buyer_message_sent': {
      const channel = CHANNEL_LABELS[e.channel][lang];
      const where = e.transport === 'development' ? (ko ? ' (개발용 발송함에 보관, 실제 발송 없음)' : ' (kept in the development outbox, not sent)') : '';
      return ko ? `[${moment}] ${withParticle(e.recipient, '으로/로')} ${withParticle(channel, '을/를')} 보냈습니다${where}` : `[${moment}] ${channel} sent to ${e.recipient}${where}`;
    }
    case 'buyer_message_fell_back':
      return ko
        ? `[${moment}] 알림톡을 보내지 못해 ${withParticle(e.recipient, '으로/로')} 문자를 대신 보냅니다 (${e.reason})`
        : `[${moment}] AlimTalk could not be delivered; sending an SMS to ${e.recipient} instead (${e.reason})`;
    case 'buyer_message_failed': {
      const channel = CHANNEL_LABELS[e.channel][lang];
      return ko ? `[${moment}] ${withParticle(e.recipient, '으로/로')} ${withParticle(channel, '을/를')} 보내지 못했습니다: ${e.error}` : `[${moment}] ${channel} to ${e.recipient} failed: ${e.error}`;
    }
    case 'buyer_message_skipped': {
      const channel = CHANNEL_LABELS[e.channel][lang];
      return ko ? `[${moment}] ${withParticle(channel, '을/를')} 보내지 않았습니다: ${SKIP_REASONS[e.reason].ko}` : `[${moment}] ${channel} not sent: ${SKIP_REASONS[e.reason].en}`;
    }
  }
}
