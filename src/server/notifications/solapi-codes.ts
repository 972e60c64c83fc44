/**
 * Solapi's four-digit message status codes and what each means for Jumun's outbox.
 *
 * Source: Solapi's "메시지 상태 코드" table (docs.solapi.com/api-reference/message-status-codes):
 * 1xxx = refused while being registered (these come back at once in send-many/detail's
 * failedMessageList), 2000 = registered, 2xxx = refused inside Solapi, 3000 = handed to the carrier
 * or Kakao and waiting for its report, 3xxx = refused by the carrier or Kakao (these come back later,
 * in the message list's statusCode), 4000 = the phone received it.
 *
 * The split below is ours, not Solapi's: a code is
 *  - `waiting` while a report may still change it;
 *  - `setup` when our account is at fault (keys, balance, sender number, a malformed request):
 *    no buyer could receive it and a retry cannot pass until someone fixes the settings;
 *  - `transient` when Solapi or a carrier had a passing fault and sending again may pass;
 *  - otherwise `recipient`: this buyer (or this 알림톡 template or channel) cannot receive it, so
 *    알림톡 falls back to SMS and an SMS fails. Kakao's own refusals (1041–1053, 3101–3108) are
 *    deliberately `recipient`, not `setup`: a broken template must not keep the buyer uninformed
 *    when an SMS would reach them, and the fallback is logged where the shop can see it.
 */

export type SolapiCodeClass = 'delivered' | 'waiting' | 'setup' | 'transient' | 'recipient';

/** Korean descriptions as Solapi lists them, for the codes Jumun is likely to meet. */
const DESCRIPTIONS: Readonly<Record<string, string>> = {
  '1010': '필수 입력 값 미입력',
  '1011': 'Format Error',
  '1013': '제목은 문자 타입이 SMS일 경우 사용이 불가능합니다',
  '1014': '제목은 40byte까지 사용 가능합니다',
  '1020': '등록된 계정이 아니거나 패스워드가 틀림',
  '1024': '서버 오류',
  '1025': '잘못된 메시지 타입',
  '1029': 'EUC-KR 범위 밖의 문자',
  '1030': '잔액 부족',
  '1031': '메시지 길이 초과',
  '1033': 'kakaoOptions은 ATA, CTA에서만 사용 가능',
  '1041': '유효한 플러스 친구 값이 아닙니다',
  '1042': '유효한 템플릿 아이디가 아닙니다',
  '1043': '등록한 템플릿과 내용이 다릅니다',
  '1058': '전송경로 없음',
  '1060': '차단된 수신번호',
  '1061': '수신거부(080무료수신거부)',
  '1062': '발신번호 미등록',
  '1064': 'KISA 신고로 인한 차단',
  '2000': '정상 접수',
  '2024': '서버 오류',
  '2060': '차단된 수신번호',
  '2061': '수신거부(080무료수신거부)',
  '2062': '발신번호 미등록',
  '2063': '차단된 계정',
  '2230': '잔액 부족',
  '2254': '플랫폼 내부 스팸처리',
  '3000': '이통사로 접수(리포트 대기)',
  '3010': '수신번호 형식 오류',
  '3012': '연동처 서버 오류',
  '3013': '발신번호 형식 오류',
  '3024': '서버 오류',
  '3031': '전송할 수 없음',
  '3032': '미가입자',
  '3040': '전송시간 초과',
  '3043': '단말기 전원 꺼짐',
  '3047': '착신거절',
  '3050': 'SMS 서비스 불가 단말기',
  '3053': '서버 메시지 큐 가득 참',
  '3054': '스팸',
  '3059': '변작된 발신번호',
  '3101': '발신 프로필 키가 유효하지 않음',
  '3102': '친구 관계가 아님',
  '3103': '메시지와 템플릿 불일치',
  '3104': '카카오톡 미사용자',
  '3105': '미등록 템플릿',
  '3106': '유효하지 않은 옐로아이디',
  '3107': '72시간 이내 카카오톡 미사용자 또는 알림톡 차단',
  '3108': '메시지 발송 가능 시간이 아님',
  '4000': '수신 완료',
};

const WAITING = new Set(['2000', '3000']);
const TRANSIENT = new Set(['1024', '2024', '3012', '3024', '3053']);
const SETUP = new Set([
  // our account: unknown account, no balance, blocked account
  '1020', '1030', '2230', '2063',
  // our sender number: not registered, malformed, reported as forged
  '1062', '2062', '3013', '3059',
  // a request Solapi cannot read (a bug on our side, not the buyer's)
  '1010', '1011', '1013', '1014', '1025', '1027', '1028', '1029', '1031', '1032', '1033', '2011', '3011',
]);

export function classifySolapiCode(code: string): SolapiCodeClass {
  if (code === '4000') return 'delivered';
  if (WAITING.has(code)) return 'waiting';
  if (SETUP.has(code)) return 'setup';
  if (TRANSIENT.has(code)) return 'transient';
  return 'recipient';
}

/** Solapi's own words for a code, or the message Solapi sent with it. */
export function describeSolapiCode(code: string, statusMessage?: string | null): string {
  const given = statusMessage?.trim();
  return given ? given : (DESCRIPTIONS[code] ?? '알 수 없는 상태');
}

/**
 * HTTP-level errors ({ errorCode, errorMessage } with a 4xx/5xx status). Solapi documents the
 * authentication ones (InvalidAPIKey, SignatureDoesNotMatch, RequestTimeTooSkewed,
 * DuplicatedSignature, all 403). DuplicatedSignature is retryable because the next attempt signs
 * with a new salt; the others need someone to fix keys or the clock.
 */
export function isRetryableHttpError(status: number, errorCode: string | null): boolean {
  if (status === 429 || status >= 500) return true;
  return errorCode === 'DuplicatedSignature';
}
