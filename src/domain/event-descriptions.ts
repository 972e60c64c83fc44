/**
 * How each timeline event reads, in Korean or English: one line per event, money as "12,000원",
 * times in Korean time. Kept apart from the event types so that file stays about what happened.
 */
import { claimReasonText } from './claim-reasons';
import { channelLabel } from './channels';
import { courierLabel } from './couriers';
import { formatWon, type Won } from './money';
import { PAYMENT_METHOD_LABELS } from './payment-methods';
import { qualifiedStatusLabel } from './status';
import type { ClaimKindName, OrderEditChanges, TimelineEvent } from './events';

/** Payment methods, plus the ways a refund goes back (a timeline names both). */
const METHOD_LABELS: Record<string, { ko: string; en: string }> = {
  ...PAYMENT_METHOD_LABELS,
  points: { ko: '포인트', en: 'Points' },
  transfer: { ko: '계좌이체', en: 'Account transfer' },
  gateway_cancel: { ko: 'PG 취소', en: 'Gateway cancel' },
};
const methodLabel = (m: string, lang: 'ko' | 'en'): string => METHOD_LABELS[m]?.[lang] ?? m;
const CLAIM_KIND_LABELS: Record<ClaimKindName, { ko: string; en: string }> = {
  cancel: { ko: '취소', en: 'Cancel' },
  return: { ko: '반품', en: 'Return' },
  exchange: { ko: '교환', en: 'Exchange' },
};

/**
 * Due dates are shown in Korean time. KST has no daylight saving, so a fixed +9 h offset is exact
 * and needs neither the clock nor the host's time zone.
 */
function formatKst(iso: string): string {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return iso;
  return new Date(t + 9 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
}

/** The remote-area surcharge difference of an address change, which an order edit settles. */
function feeNote(difference: Won, ko: boolean): string {
  if (difference === 0) return '';
  const amount = `${difference > 0 ? '+' : ''}${formatWon(difference)}`;
  return ko ? ` (도서산간 배송비 차액 ${amount}: 주문 수정으로 정산)` : ` (remote-area surcharge difference ${amount}, to settle by an order edit)`;
}

function describeEditChanges(c: OrderEditChanges, ko: boolean): string {
  const parts = [
    ...c.added.map((a) => (ko ? `${a.productName} ${a.quantity}개 추가` : `added ${a.productName} ×${a.quantity}`)),
    ...c.quantities.map((q) => (ko ? `${q.productName} 수량 ${q.from} → ${q.to}` : `${q.productName} quantity ${q.from} → ${q.to}`)),
    ...(c.couponName ? [ko ? `쿠폰 적용 (${c.couponName})` : `coupon applied (${c.couponName})`] : []),
    ...(c.pointsUsed > 0 ? [ko ? `적립금 ${formatWon(c.pointsUsed)} 사용` : `${formatWon(c.pointsUsed)} in points used`] : []),
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
        ? `주문이 접수되었습니다 (${channelLabel(e.channel, lang)}, 품목 ${e.itemCount}개, 합계 ${formatWon(e.total)})`
        : `Order placed via ${channelLabel(e.channel, lang)}: ${e.itemCount} item(s), total ${formatWon(e.total)}`;
    case 'payment_pending': {
      const due = e.dueAt === null ? '' : ko ? ` (입금기한 ${formatKst(e.dueAt)})` : ` (due ${formatKst(e.dueAt)} KST)`;
      return ko
        ? `${methodLabel(e.method, lang)} 결제 ${formatWon(e.amount)}의 입금을 기다리고 있습니다${due}`
        : `Awaiting ${methodLabel(e.method, lang).toLowerCase()} payment of ${formatWon(e.amount)}${due}`;
    }
    case 'payment_captured':
      return ko
        ? `${methodLabel(e.method, lang)} 결제 ${formatWon(e.amount)}이 완료되었습니다`
        : `${methodLabel(e.method, lang)} payment of ${formatWon(e.amount)} captured`;
    case 'payment_failed': {
      const reason = e.reason ? ` (${e.reason})` : '';
      return ko
        ? `${methodLabel(e.method, lang)} 결제 ${formatWon(e.amount)}이 실패했습니다${reason}`
        : `${methodLabel(e.method, lang)} payment of ${formatWon(e.amount)} failed${reason}`;
    }
    case 'deposit_confirmed': {
      const who = e.depositorName ? (ko ? ` (입금자 ${e.depositorName})` : ` (from ${e.depositorName})`) : '';
      return ko ? `입금 ${formatWon(e.amount)}이 확인되었습니다${who}` : `Deposit of ${formatWon(e.amount)} confirmed${who}`;
    }
    case 'payment_requested': {
      const reason = e.reason ? ` (${e.reason})` : '';
      return ko ? `추가 결제 ${formatWon(e.amount)}을 요청했습니다${reason}` : `Requested an additional payment of ${formatWon(e.amount)}${reason}`;
    }
    case 'refund_completed':
      return ko
        ? `${formatWon(e.amount)}이 환불되었습니다 (${methodLabel(e.method, lang)})`
        : `Refunded ${formatWon(e.amount)} (${methodLabel(e.method, lang).toLowerCase()})`;
    case 'claim_requested':
    case 'claim_withdrawn': {
      const what = e.items.map((i) => units(i.itemId, i.quantity)).join(', ');
      const kind = CLAIM_KIND_LABELS[e.claimKind][lang];
      if (e.type === 'claim_withdrawn') return ko ? `${kind} 요청 #${e.claimId}을 철회했습니다 (${what})` : `Withdrew ${kind.toLowerCase()} #${e.claimId} (${what})`;
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
      const note = e.note ? ` (${e.note})` : '';
      return ko
        ? `${formatWon(e.amount)} 환불을 기다리고 있습니다 (${methodLabel(e.method, lang)})${note}`
        : `Refund of ${formatWon(e.amount)} pending (${methodLabel(e.method, lang).toLowerCase()})${note}`;
    }
    case 'refund_failed':
      return ko ? `${formatWon(e.amount)} 환불이 실패했습니다: ${e.message}` : `Refund of ${formatWon(e.amount)} failed: ${e.message}`;
    case 'refund_voided':
      return ko ? `${formatWon(e.amount)} 환불을 무효 처리했습니다` : `Voided the refund of ${formatWon(e.amount)}`;
    case 'memo_added':
      return ko ? '메모를 남겼습니다' : 'Added a memo';
    case 'memo_edited':
      return ko ? '메모를 수정했습니다' : 'Edited a memo';
    case 'memo_deleted':
      return ko ? '메모를 삭제했습니다' : 'Deleted a memo';
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
        ? `주문이 수정되었습니다${what ? `: ${what}` : ''} (합계 ${formatWon(e.totalBefore)} → ${formatWon(e.totalAfter)})`
        : `Order edited${what ? `: ${what}` : ''} (total ${formatWon(e.totalBefore)} → ${formatWon(e.totalAfter)})`;
    }
    case 'payment_request_cancelled': {
      const reason = e.reason ? ` (${e.reason})` : '';
      return ko ? `추가 결제 요청 ${formatWon(e.amount)}을 취소했습니다${reason}` : `Withdrew the additional payment request of ${formatWon(e.amount)}${reason}`;
    }
    case 'tracking_removed':
      return ko
        ? `송장번호를 취소했습니다 (${courierLabel(e.courier, lang)} ${e.trackingNumber})`
        : `Tracking number removed (${courierLabel(e.courier, lang)} ${e.trackingNumber})`;
    case 'deposit_reverted':
      return ko ? `입금 확인 ${formatWon(e.amount)}을 취소했습니다 (입금대기로 되돌림)` : `Deposit confirmation of ${formatWon(e.amount)} reverted (awaiting payment again)`;
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
        ? `${what}를 다른 배송지(#${e.toAddressId})로 옮겼습니다${feeNote(e.remoteFeeDifference, ko)}`
        : `Moved ${what} to shipping address #${e.toAddressId}${feeNote(e.remoteFeeDifference, ko)}`;
    }
    case 'gateway_notification':
      return describeGatewayNotification(e, ko);
    case 'overpayment_refund_created':
      return ko
        ? `초과 결제금 ${formatWon(e.amount)} 환불을 시작했습니다 (${e.reason})`
        : `Started refunding the overpaid ${formatWon(e.amount)} (${e.reason})`;
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
        ? `추가 결제 ${formatWon(e.amount)}이 승인되었지만 ${why} ${done}`
        : `An additional payment of ${formatWon(e.amount)} was approved, but ${why}; ${done}`;
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
  }
}

const PAYMENT_VOID_REASONS: Record<Extract<TimelineEvent, { type: 'payment_voided' }>['reason'], { ko: string; en: string }> = {
  request_paid: { ko: '요청이 이미 결제되어', en: 'the request had already been paid' },
  request_cancelled: { ko: '요청이 철회되어', en: 'the request had been withdrawn' },
  request_expired: { ko: '요청의 결제기한이 지나', en: 'the request was past its due date' },
};

function gatewaySaid(e: Extract<TimelineEvent, { type: 'gateway_notification' }>, ko: boolean): string {
  if (e.notification === 'deposit_confirmed') {
    if (e.amount === null) return ko ? '입금 확인' : 'deposit confirmed';
    return ko ? `입금 ${formatWon(e.amount)} 확인` : `deposit of ${formatWon(e.amount)} confirmed`;
  }
  if (e.notification === 'payment_cancelled') return ko ? '결제 취소' : 'payment cancelled';
  return ko ? `상태 ${e.gatewayStatus ?? '알 수 없음'}` : `status ${e.gatewayStatus ?? 'unknown'}`;
}

function describeGatewayNotification(e: Extract<TimelineEvent, { type: 'gateway_notification' }>, ko: boolean): string {
  const said = gatewaySaid(e, ko);
  const head = ko ? `PG(${e.gateway}) 알림: 결제 #${e.paymentId} ${said}` : `Gateway (${e.gateway}) notice: payment #${e.paymentId} ${said}`;
  switch (e.action) {
    case 'deposit_applied':
      return ko ? `${head} — 입금 확인 처리했습니다` : `${head}; deposit confirmed`;
    case 'deposit_partial': {
      const short = e.amount !== null && e.due !== null ? e.due - e.amount : null;
      const rest = short === null ? '' : ko ? ` (${formatWon(short)} 부족)` : ` (${formatWon(short)} short)`;
      return ko
        ? `${head} — 결제 금액 ${formatWon(e.due ?? 0)}보다 적게 입금되어 입금액만 반영하고 입금대기로 두었습니다${rest}`
        : `${head}; less than the ${formatWon(e.due ?? 0)} due was deposited, so only the deposit was recorded and the order still awaits payment${rest}`;
    }
    case 'review_needed':
      return ko
        ? `${head} — 주문의 결제 내역과 다릅니다. 금액은 자동으로 변경하지 않았으니 PG 관리자 화면에서 확인하세요`
        : `${head}; this contradicts the order's payments. No money was moved automatically: check the gateway's console`;
  }
}
