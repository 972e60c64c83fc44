/**
 * The messages a shop sends until it writes its own: one per moment and channel, in Korean, with
 * `#{변수}` where the order's facts go (the 알림톡 convention, so a template registered with Kakao
 * through the messaging provider reads the same here). SMS texts are short (the fallback of an
 * 알림톡 that could not be delivered uses them too); e-mail bodies are plain text the mailer also
 * lays out as HTML.
 */
import type { BuyerMoment, MessageChannel } from './buyer-message-moments';

export interface MessageTemplate {
  /** E-mail subject; an LMS title. Not used by 알림톡. */
  subject: string | null;
  body: string;
  /** The code the provider registered the 알림톡 template under (알림톡 only; null until the shop enters it). */
  templateCode: string | null;
}

const FOOTER = '\n\n주문 확인: #{주문조회링크}\n문의: #{고객센터}';

const BODIES: Record<BuyerMoment, { subject: string; alimtalk: string; sms: string }> = {
  order_received: {
    subject: '[#{쇼핑몰명}] 주문이 접수되었습니다 (#{주문번호})',
    alimtalk: '[#{쇼핑몰명}] 주문이 접수되었습니다.\n\n주문번호: #{주문번호}\n상품: #{상품명}\n결제금액: #{결제금액}\n결제수단: #{결제수단}#{입금안내}' + FOOTER,
    sms: '[#{쇼핑몰명}] #{주문자명}님, 주문(#{주문번호})이 접수되었습니다.#{입금안내} #{주문조회링크}',
  },
  deposit_confirmed: {
    subject: '[#{쇼핑몰명}] 입금이 확인되었습니다 (#{주문번호})',
    alimtalk: '[#{쇼핑몰명}] 입금이 확인되었습니다.\n\n주문번호: #{주문번호}\n상품: #{상품명}\n입금금액: #{입금금액}\n\n상품 준비를 시작합니다.' + FOOTER,
    sms: '[#{쇼핑몰명}] 주문(#{주문번호}) #{입금금액} 입금이 확인되었습니다. #{주문조회링크}',
  },
  payment_requested: {
    subject: '[#{쇼핑몰명}] 추가 결제를 요청드립니다 (#{주문번호})',
    alimtalk: '[#{쇼핑몰명}] 추가 결제 요청\n\n주문번호: #{주문번호}\n요청금액: #{요청금액}\n사유: #{요청사유}\n결제기한: #{결제기한}\n\n아래 링크에서 바로 결제하실 수 있습니다.\n#{결제링크}\n\n문의: #{고객센터}',
    sms: '[#{쇼핑몰명}] 주문(#{주문번호}) 추가 결제 #{요청금액} 요청 (#{요청사유}, 기한 #{결제기한}). 결제: #{결제링크}',
  },
  shipped: {
    subject: '[#{쇼핑몰명}] 상품이 발송되었습니다 (#{주문번호})',
    alimtalk: '[#{쇼핑몰명}] 상품이 발송되었습니다.\n\n주문번호: #{주문번호}\n상품: #{상품명}\n택배사: #{택배사}\n송장번호: #{송장번호}\n배송조회: #{배송조회링크}' + FOOTER,
    sms: '[#{쇼핑몰명}] 주문(#{주문번호}) 발송: #{택배사} #{송장번호} #{배송조회링크}',
  },
  cancel_accepted: {
    subject: '[#{쇼핑몰명}] 주문이 취소되었습니다 (#{주문번호})',
    alimtalk: '[#{쇼핑몰명}] 주문 취소가 완료되었습니다.\n\n주문번호: #{주문번호}\n취소 상품: #{상품명}\n사유: #{사유}\n\n환불이 있으면 완료되는 대로 다시 알려드립니다.' + FOOTER,
    sms: '[#{쇼핑몰명}] 주문(#{주문번호}) #{상품명} 취소가 완료되었습니다. #{주문조회링크}',
  },
  return_accepted: {
    subject: '[#{쇼핑몰명}] 반품 신청이 승인되었습니다 (#{주문번호})',
    alimtalk: '[#{쇼핑몰명}] 반품 신청이 승인되었습니다.\n\n주문번호: #{주문번호}\n반품 상품: #{상품명}\n사유: #{사유}\n\n상품을 수거한 뒤 확인되는 대로 환불해 드립니다.' + FOOTER,
    sms: '[#{쇼핑몰명}] 주문(#{주문번호}) #{상품명} 반품이 승인되어 수거를 시작합니다. #{주문조회링크}',
  },
  exchange_accepted: {
    subject: '[#{쇼핑몰명}] 교환 신청이 승인되었습니다 (#{주문번호})',
    alimtalk: '[#{쇼핑몰명}] 교환 신청이 승인되었습니다.\n\n주문번호: #{주문번호}\n교환 상품: #{상품명}\n사유: #{사유}\n\n상품을 수거한 뒤 교환 상품을 보내드립니다.' + FOOTER,
    sms: '[#{쇼핑몰명}] 주문(#{주문번호}) #{상품명} 교환이 승인되어 수거를 시작합니다. #{주문조회링크}',
  },
  refund_completed: {
    subject: '[#{쇼핑몰명}] 환불이 완료되었습니다 (#{주문번호})',
    alimtalk: '[#{쇼핑몰명}] 환불이 완료되었습니다.\n\n주문번호: #{주문번호}\n환불금액: #{환불금액}\n환불방법: #{환불방법}' + FOOTER,
    sms: '[#{쇼핑몰명}] 주문(#{주문번호}) #{환불금액} 환불 완료 (#{환불방법}). #{주문조회링크}',
  },
  exchange_shipped: {
    subject: '[#{쇼핑몰명}] 교환 상품이 발송되었습니다 (#{주문번호})',
    alimtalk: '[#{쇼핑몰명}] 교환 상품이 발송되었습니다.\n\n주문번호: #{주문번호}\n상품: #{상품명}\n택배사: #{택배사}\n송장번호: #{송장번호}\n배송조회: #{배송조회링크}' + FOOTER,
    sms: '[#{쇼핑몰명}] 주문(#{주문번호}) 교환 상품 발송: #{택배사} #{송장번호} #{배송조회링크}',
  },
  purchase_auto_confirmed: {
    subject: '[#{쇼핑몰명}] 구매가 확정되었습니다 (#{주문번호})',
    alimtalk: '[#{쇼핑몰명}] 구매가 자동으로 확정되었습니다.\n\n주문번호: #{주문번호}\n상품: #{상품명}\n\n이용해 주셔서 감사합니다.' + FOOTER,
    sms: '[#{쇼핑몰명}] 주문(#{주문번호}) #{상품명} 구매가 자동 확정되었습니다.',
  },
  unpaid_cancelled: {
    subject: '[#{쇼핑몰명}] 입금 기한이 지나 주문이 취소되었습니다 (#{주문번호})',
    alimtalk: '[#{쇼핑몰명}] 입금 기한(#{입금기한})이 지나 주문이 자동 취소되었습니다.\n\n주문번호: #{주문번호}\n상품: #{상품명}\n주문금액: #{주문금액}' + FOOTER,
    sms: '[#{쇼핑몰명}] 입금 기한이 지나 주문(#{주문번호})이 취소되었습니다. #{주문조회링크}',
  },
};

/** The template a shop starts with for a moment and channel. */
export function defaultTemplate(moment: BuyerMoment, channel: MessageChannel): MessageTemplate {
  const b = BODIES[moment];
  if (channel === 'email') return { subject: b.subject, body: `#{주문자명}님, 안녕하세요.\n\n${b.alimtalk}`, templateCode: null };
  if (channel === 'sms') return { subject: b.subject.replace(/ \(#\{주문번호\}\)$/, ''), body: b.sms, templateCode: null };
  return { subject: null, body: b.alimtalk, templateCode: null };
}
