/**
 * A local stand-in for api.solapi.com (message API v4) that follows Solapi's documented requests
 * and answers, so the adapter is tested against the protocol rather than against itself:
 *
 *  - Authorization `HMAC-SHA256 apiKey=…, date=…, salt=…, signature=…` checked as Solapi's docs
 *    describe (signature = hex HMAC of date+salt with the secret; HMAC-MD5 also allowed): an unknown
 *    key answers 403 InvalidAPIKey, a wrong signature 403 SignatureDoesNotMatch, a date more than
 *    15 minutes off 403 RequestTimeTooSkewed, a signature seen in the last 15 minutes 403
 *    DuplicatedSignature. (Unparseable headers also answer InvalidAPIKey: the docs name no code.)
 *  - POST /messages/v4/send-many/detail registers each message or refuses it with a documented
 *    1xxx status code in `failedMessageList` (1062 unregistered sender, 1030 no balance, 1013 SMS
 *    with a title, 1014 title over 40 bytes, 1031 SMS over 90 / LMS over 2,000 bytes, 1041 unknown
 *    pfId, 1042/1043 template problems…); registered ones get statusCode 2000 in `messageList`.
 *  - GET /messages/v4/list?messageId=… (or criteria=messageId&cond=eq&value=…) answers the stored
 *    message keyed by id; its statusCode is 4000 (received) once sent, unless the test made it a
 *    Kakao or carrier refusal or holds reports at 3000.
 *
 * Switches for tests: failAlimtalkTo / failTextTo (a refusal that shows in the report, as Kakao and
 * carriers refuse after registration), refuseAtSend (a refusal in failedMessageList), emptyBalance,
 * holdReports, outage (503 to everything), rateLimit (429 to everything), hang (requests are held
 * unanswered until close, to exercise the caller's timeout).
 */
import { createHmac, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeSolapiMessage {
  messageId: string;
  groupId: string;
  type: string;
  to: string;
  from: string;
  text: string;
  subject: string | null;
  kakaoOptions: { pfId?: string; templateId?: string; variables?: Record<string, string>; disableSms?: boolean } | null;
  /** 2000 registered, 3000 waiting for the report, 4000 received, or a refusal code. */
  statusCode: string;
}

export interface FakeSolapi {
  readonly url: string;
  readonly apiKey: string;
  readonly apiSecret: string;
  /** The one sender number registered with this fake account. */
  readonly sender: string;
  /** The one KakaoTalk channel (pfId) linked to this fake account. */
  readonly pfId: string;
  /** Every message received on send-many, registered or refused, in order. */
  readonly messages: FakeSolapiMessage[];
  /** The error codes answered at the HTTP level (auth refusals, outages…), in order. */
  readonly httpErrors: string[];
  /** 알림톡 to this number is registered but its report ends in `code` (3104 카카오톡 미사용자 by default). */
  failAlimtalkTo(to: string, code?: string): void;
  /** SMS/LMS to this number is registered but its report ends in `code` (3032 미가입자 by default). */
  failTextTo(to: string, code?: string): void;
  /** Any message to this number is refused at once in failedMessageList with `code`. */
  refuseAtSend(to: string, code: string): void;
  /** With a registered template, 알림톡 text must equal it with the variables filled (else 1043). */
  registerTemplate(templateId: string, content: string): void;
  emptyBalance(on: boolean): void;
  /** Reports stay at 3000 (handed to the carrier, waiting) while on. */
  holdReports(on: boolean): void;
  outage(on: boolean): void;
  rateLimit(on: boolean): void;
  hang(on: boolean): void;
  close(): Promise<void>;
}

type Answer = { status: number; body: unknown };
type Refusal = { code: string; message: string };

const SKEW_MS = 15 * 60_000;
const DESCRIPTIONS: Record<string, string> = {
  '1010': '필수 입력 값 미입력', '1013': '제목은 문자 타입이 SMS일 경우 사용이 불가능합니다.', '1014': '제목은 40byte까지 사용 가능합니다.',
  '1025': '잘못된 메시지 타입', '1030': '잔액 부족', '1031': 'SMS는 90byte LMS, MMS는 2000byte까지 사용 가능합니다.',
  '1033': 'kakaoOptions은 메시지가 ATA 나 CTA인 경우에만 사용가능합니다.', '1041': '유효한 플러스 친구 값이 아닙니다.',
  '1042': '유효한 템플릿 아이디가 아닙니다.', '1043': '등록한 템플릿과 내용이 다릅니다.', '1062': '발신번호 미등록',
  '2000': '정상 접수(이통사로 접수 예정)', '3000': '이통사로 접수(리포트를 기다리는 중)', '3032': '미가입자',
  '3103': '메시지와 템플릿 불일치', '3104': '카카오톡 미사용자', '3105': '미등록 템플릿',
  '3107': '72시간 이내 카카오톡 미사용자, 알림톡 차단한 사용자', '4000': '수신 완료',
};
const describe = (code: string): string => DESCRIPTIONS[code] ?? '전송 실패';
const errorAnswer = (status: number, errorCode: string, errorMessage: string): Answer => ({ status, body: { errorCode, errorMessage } });

/** Bytes as carriers count an SMS: ASCII one, anything else two (EUC-KR Hangul). */
function bytes(text: string): number {
  let n = 0;
  for (const ch of text) n += ch.charCodeAt(0) < 0x80 ? 1 : 2;
  return n;
}

function solapiId(prefix: 'M4V' | 'G4V'): string {
  const stamp = new Date(Date.now() + 9 * 3_600_000).toISOString().replace(/\D/g, '').slice(0, 14);
  return `${prefix}${stamp}${randomBytes(9).toString('hex').toUpperCase().slice(0, 15)}`;
}

export async function startFakeSolapi(): Promise<FakeSolapi> {
  const apiKey = 'NCSFAKEJUMUNKEY1';
  const apiSecret = randomBytes(16).toString('hex').toUpperCase();
  const sender = '0212345678';
  const pfId = 'KA01PF2512050000000000FAKEJUMUN';
  const accountId = '12925149';
  const messages: FakeSolapiMessage[] = [];
  const httpErrors: string[] = [];
  const seenSignatures = new Map<string, number>();
  const alimtalkReports = new Map<string, string>();
  const textReports = new Map<string, string>();
  const sendRefusals = new Map<string, string>();
  const templates = new Map<string, string>();
  const switches = { noBalance: false, holdReports: false, outage: false, rateLimit: false, hang: false };

  function authenticate(header: string | undefined): Answer | null {
    const match = /^(HMAC-SHA256|HMAC-MD5) apiKey=([^,\s]+), date=([^,\s]+), salt=([^,\s]+), signature=([0-9a-fA-F]+)$/.exec(header ?? '');
    if (!match) return errorAnswer(403, 'InvalidAPIKey', '유효한 API Key가 아닙니다.');
    const [, method, key, date, salt, signature] = match as unknown as [string, string, string, string, string, string];
    if (key !== apiKey) return errorAnswer(403, 'InvalidAPIKey', '유효한 API Key가 아닙니다.');
    const expected = createHmac(method === 'HMAC-MD5' ? 'md5' : 'sha256', apiSecret).update(date + salt).digest('hex');
    if (expected !== signature.toLowerCase()) return errorAnswer(403, 'SignatureDoesNotMatch', '생성한 Signature가 일치하지 않습니다.');
    const at = Date.parse(date);
    const now = Date.now();
    if (!Number.isFinite(at) || Math.abs(now - at) > SKEW_MS) {
      return errorAnswer(403, 'RequestTimeTooSkewed', '시간 값이 서버 시간을 15분 이상 벗어났습니다.');
    }
    for (const [seen, when] of seenSignatures) if (now - when > SKEW_MS) seenSignatures.delete(seen);
    if (seenSignatures.has(signature)) return errorAnswer(403, 'DuplicatedSignature', '15분 안에 동일한 signature 값이 사용되었습니다.');
    seenSignatures.set(signature, now);
    return null;
  }

  /** The documented registration checks, in the order Solapi reports them. */
  function refusalOf(m: FakeSolapiMessage): Refusal | null {
    const refuse = (code: string): Refusal => ({ code, message: describe(code) });
    if (!m.to || !m.from) return refuse('1010');
    if (!['SMS', 'LMS', 'MMS', 'ATA', 'CTA'].includes(m.type)) return refuse('1025');
    if (m.from !== sender) return refuse('1062');
    if (m.kakaoOptions && m.type !== 'ATA' && m.type !== 'CTA') return refuse('1033');
    if (m.type === 'SMS' && m.subject) return refuse('1013');
    if (m.subject && bytes(m.subject) > 40) return refuse('1014');
    if ((m.type === 'SMS' && bytes(m.text) > 90) || (m.type === 'LMS' && bytes(m.text) > 2000)) return refuse('1031');
    if (m.type === 'ATA') {
      const options = m.kakaoOptions;
      if (!options?.pfId || options.pfId !== pfId) return refuse('1041');
      if (!options.templateId) return refuse('1042');
      const template = templates.get(options.templateId);
      if (templates.size > 0 && template === undefined) return refuse('1042');
      if (template !== undefined) {
        const filled = template.replace(/#\{[^{}]+\}/g, (name) => options.variables?.[name] ?? name);
        if ((m.text || filled) !== filled) return refuse('1043');
      }
    } else if (!m.text) return refuse('1010');
    const refusal = sendRefusals.get(m.to);
    if (refusal) return refuse(refusal);
    if (switches.noBalance) return refuse('1030');
    return null;
  }

  function sendMany(body: unknown): Answer {
    const input = body && typeof body === 'object' ? (body as Record<string, unknown>) : {};
    const list = Array.isArray(input.messages) ? (input.messages as Array<Record<string, unknown>>) : [];
    if (list.length === 0) return errorAnswer(400, 'ValidationError', 'messages는 1건 이상이어야 합니다.');
    const groupId = solapiId('G4V');
    const failedMessageList: unknown[] = [];
    const messageList: unknown[] = [];
    for (const raw of list) {
      const str = (v: unknown): string => (typeof v === 'string' ? v : '');
      const message: FakeSolapiMessage = {
        messageId: solapiId('M4V'),
        groupId,
        type: str(raw.type).toUpperCase() || (bytes(str(raw.text)) > 90 ? 'LMS' : 'SMS'),
        to: str(raw.to),
        from: str(raw.from),
        text: str(raw.text),
        subject: str(raw.subject) || null,
        kakaoOptions: raw.kakaoOptions && typeof raw.kakaoOptions === 'object' ? (raw.kakaoOptions as FakeSolapiMessage['kakaoOptions']) : null,
        statusCode: '2000',
      };
      const refusal = refusalOf(message);
      messages.push(message);
      if (refusal) {
        message.statusCode = refusal.code;
        failedMessageList.push({
          to: message.to, from: message.from, type: message.type, country: '82', accountId,
          messageId: message.messageId, statusCode: refusal.code, statusMessage: refusal.message,
        });
      } else {
        messageList.push({ messageId: message.messageId, statusCode: '2000', statusMessage: describe('2000') });
      }
    }
    const now = new Date().toISOString();
    const count = {
      total: list.length, sentTotal: 0, sentFailed: 0, sentSuccess: 0, sentPending: 0, sentReplacement: 0, refund: 0,
      registeredFailed: failedMessageList.length, registeredSuccess: messageList.length,
    };
    const groupInfo = {
      _id: groupId, groupId, accountId, apiVersion: '4', status: messageList.length ? 'SENDING' : 'FAILED', count,
      dateCreated: now, dateUpdated: now, dateSent: now, dateCompleted: null,
    };
    return { status: 200, body: { failedMessageList, groupInfo, ...(input.showMessageList === true ? { messageList } : {}) } };
  }

  /** The statusCode a report shows now: registered messages have been handed on and answered. */
  function reportCode(m: FakeSolapiMessage): string {
    if (m.statusCode !== '2000') return m.statusCode;
    if (switches.holdReports) return '3000';
    const refusal = m.type === 'ATA' ? alimtalkReports.get(m.to) : textReports.get(m.to);
    return refusal ?? '4000';
  }

  function list(query: URLSearchParams): Answer {
    const wanted = query.get('messageId') ?? (query.get('criteria') === 'messageId' ? query.get('value') : null);
    const messageList: Record<string, unknown> = {};
    for (const m of messages) {
      if (wanted !== null && m.messageId !== wanted) continue;
      const statusCode = reportCode(m);
      const done = statusCode !== '2000' && statusCode !== '3000';
      messageList[m.messageId] = {
        _id: m.messageId, messageId: m.messageId, groupId: m.groupId, accountId, type: m.type, country: '82',
        to: m.to, from: m.from, text: m.text, subject: m.subject, kakaoOptions: m.kakaoOptions, statusCode,
        reason: statusCode === '4000' ? null : describe(statusCode), replacement: false, autoTypeDetect: false,
        dateCreated: new Date().toISOString(), dateReported: done ? new Date().toISOString() : null,
      };
    }
    return { status: 200, body: { startKey: null, nextKey: null, limit: 20, messageList } };
  }

  function route(req: IncomingMessage, raw: string): Answer {
    if (switches.outage) return { status: 503, body: '503 Service Temporarily Unavailable' };
    if (switches.rateLimit) return errorAnswer(429, 'TooManyRequests', '요청이 너무 많습니다. 잠시 후 다시 시도해 주세요.');
    const refused = authenticate(req.headers.authorization);
    if (refused) return refused;
    const url = new URL(req.url ?? '/', 'http://fake');
    if (req.method === 'POST' && url.pathname === '/messages/v4/send-many/detail') {
      let body: unknown;
      try {
        body = JSON.parse(raw) as unknown;
      } catch {
        return errorAnswer(400, 'ValidationError', 'JSON 형식이 올바르지 않습니다.');
      }
      return sendMany(body);
    }
    if (req.method === 'GET' && url.pathname === '/messages/v4/list') return list(url.searchParams);
    return errorAnswer(404, 'ResourceNotFound', '요청한 리소스를 찾을 수 없습니다.');
  }

  function answer(res: ServerResponse, reply: Answer): void {
    if (reply.status >= 400) {
      const body = reply.body as { errorCode?: string } | string;
      httpErrors.push(typeof body === 'string' ? `HTTP_${reply.status}` : (body.errorCode ?? `HTTP_${reply.status}`));
    }
    const text = typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body);
    res.writeHead(reply.status, { 'Content-Type': typeof reply.body === 'string' ? 'text/plain' : 'application/json; charset=utf-8' });
    res.end(text);
  }

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      // Held requests are never answered; close() drops their connections.
      if (switches.hang) return;
      answer(res, route(req, Buffer.concat(chunks).toString('utf8')));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    apiKey,
    apiSecret,
    sender,
    pfId,
    messages,
    httpErrors,
    failAlimtalkTo: (to, code = '3104') => void alimtalkReports.set(to, code),
    failTextTo: (to, code = '3032') => void textReports.set(to, code),
    refuseAtSend: (to, code) => void sendRefusals.set(to, code),
    registerTemplate: (templateId, content) => void templates.set(templateId, content),
    emptyBalance: (on) => void (switches.noBalance = on),
    holdReports: (on) => void (switches.holdReports = on),
    outage: (on) => void (switches.outage = on),
    rateLimit: (on) => void (switches.rateLimit = on),
    hang: (on) => void (switches.hang = on),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
