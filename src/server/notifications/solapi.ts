/**
 * Jumun's Korean messaging provider: Solapi (api.solapi.com, message API v4).
 *
 * What Solapi documents and this follows:
 *  - every request carries the HMAC Authorization header (solapi-auth.ts);
 *  - POST /messages/v4/send-many/detail with { messages: [...], showMessageList: true } answers
 *    200 with `failedMessageList` (messages refused while being registered, each with a 1xxx/2xxx
 *    statusCode and statusMessage), `groupInfo` (the group and its counts) and, because of
 *    showMessageList, `messageList` (registered messages with messageId and statusCode 2000);
 *  - GET /messages/v4/list?messageId=… answers { messageList: { [messageId]: message } } whose
 *    statusCode moves 2000 → 3000 (handed to the carrier or Kakao) → 4000 (received) or a 3xxx refusal;
 *  - errors outside a message are { errorCode, errorMessage } with a 4xx/5xx status.
 *
 * Assumptions where the stored docs say nothing (offline): a rate-limited request answers 429 and
 * Solapi's 5xx bodies may not be JSON (handled as text); sending both `text` and
 * `kakaoOptions.variables` for 알림톡 is accepted (the SDK allows both; the text is the template with
 * the variables filled, so either one alone would give Kakao the same message).
 *
 * 알림톡 goes with kakaoOptions.disableSms = true: Jumun sends the SMS fallback itself, with its
 * own SMS wording, and records that it did (an `undeliverable` answer is the cue).
 * One message per request, so one outbox row maps to one Solapi message and one answer.
 */
import { fitLms, smsBytes, textMessageKind } from '../../domain/buyer-message-render';
import { solapiAuthorization } from './solapi-auth';
import { classifySolapiCode, describeSolapiCode, isRetryableHttpError } from './solapi-codes';
import type { AlimtalkRequest, MessagingProvider, ProviderOutcome, TextMessageRequest } from './transport-types';

export interface SolapiConfig {
  apiKey: string;
  apiSecret: string;
  /** The sender number registered with Solapi (발신번호 사전등록); hyphens are removed. */
  sender: string;
  /** Default https://api.solapi.com; tests point it at the fake. */
  baseUrl?: string;
  /** How long one request may take before it counts as a retryable failure. Default 10 s. */
  timeoutMs?: number;
}

/** One message as send-many takes it (only the fields Jumun uses). */
interface SolapiMessage {
  to: string;
  from: string;
  type: 'SMS' | 'LMS' | 'ATA';
  text: string;
  subject?: string;
  kakaoOptions?: { pfId: string; templateId: string; variables: Record<string, string>; disableSms: boolean };
}

type Reply = { ok: true; body: unknown } | { ok: false; outcome: ProviderOutcome };

/** Solapi limits an LMS title to 40 bytes (status 1014); a longer one is cut rather than refused. */
const LMS_SUBJECT_MAX_BYTES = 40;

export function createSolapiProvider(config: SolapiConfig): MessagingProvider {
  const baseUrl = (config.baseUrl ?? 'https://api.solapi.com').replace(/\/+$/, '');
  const timeoutMs = config.timeoutMs ?? 10_000;
  const sender = digitsOnly(config.sender);

  async function call(method: 'GET' | 'POST', path: string, body?: unknown): Promise<Reply> {
    let status: number;
    let text: string;
    try {
      const response = await fetch(`${baseUrl}${path}`, {
        method,
        headers: {
          Authorization: solapiAuthorization(config.apiKey, config.apiSecret),
          ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(timeoutMs),
      });
      status = response.status;
      text = await response.text();
    } catch (error) {
      return { ok: false, outcome: networkFailure(error, timeoutMs) };
    }
    const parsed = parseJson(text);
    if (status >= 200 && status < 300) return { ok: true, body: parsed };
    const fields = isRecord(parsed) ? parsed : {};
    const errorCode = typeof fields.errorCode === 'string' ? fields.errorCode : null;
    const errorMessage = typeof fields.errorMessage === 'string' ? fields.errorMessage : text.slice(0, 200).trim();
    return {
      ok: false,
      outcome: {
        kind: 'failed',
        code: errorCode ?? `HTTP_${status}`,
        detail: `솔라피 HTTP ${status}${errorCode ? ` ${errorCode}` : ''}: ${errorMessage || '응답 없음'}`,
        retry: isRetryableHttpError(status, errorCode),
      },
    };
  }

  async function send(message: SolapiMessage): Promise<ProviderOutcome> {
    const reply = await call('POST', '/messages/v4/send-many/detail', { messages: [message], showMessageList: true });
    if (!reply.ok) return reply.outcome;
    const body = isRecord(reply.body) ? reply.body : {};
    const failed = arrayOfRecords(body.failedMessageList)[0];
    if (failed) return outcomeOfCode(stringField(failed, 'statusCode'), stringField(failed, 'statusMessage'), null);
    const accepted = arrayOfRecords(body.messageList)[0];
    const messageId = accepted ? stringField(accepted, 'messageId') : '';
    if (!accepted || !messageId) {
      // Registered or not, we cannot tell: sending again could reach the buyer twice, so do not retry.
      return { kind: 'failed', code: 'UnexpectedResponse', detail: '솔라피 응답에 접수 결과가 없습니다', retry: false };
    }
    return outcomeOfCode(stringField(accepted, 'statusCode') || '2000', stringField(accepted, 'statusMessage'), messageId);
  }

  return {
    name: 'solapi',

    sendAlimtalk(request: AlimtalkRequest): Promise<ProviderOutcome> {
      return send({
        to: digitsOnly(request.to),
        from: sender,
        type: 'ATA',
        text: request.text,
        kakaoOptions: {
          pfId: request.pfId,
          templateId: request.templateCode,
          variables: kakaoVariables(request.variables),
          disableSms: true,
        },
      });
    },

    sendText(request: TextMessageRequest): Promise<ProviderOutcome> {
      const to = digitsOnly(request.to);
      if (textMessageKind(request.text) === 'SMS') return send({ to, from: sender, type: 'SMS', text: request.text });
      const subject = request.subject?.trim() ? cutToBytes(request.subject.trim(), LMS_SUBJECT_MAX_BYTES) : undefined;
      return send({ to, from: sender, type: 'LMS', text: fitLms(request.text), ...(subject ? { subject } : {}) });
    },

    async report(providerMessageId: string): Promise<ProviderOutcome> {
      const reply = await call('GET', `/messages/v4/list?messageId=${encodeURIComponent(providerMessageId)}`);
      if (!reply.ok) return reply.outcome;
      const list = isRecord(reply.body) && isRecord(reply.body.messageList) ? reply.body.messageList : {};
      const found = list[providerMessageId];
      if (!isRecord(found)) {
        // Solapi keeps messages six months; a missing one is most likely not indexed yet.
        return { kind: 'failed', code: 'MessageNotFound', detail: `솔라피에 메시지 ${providerMessageId}가 없습니다`, retry: true };
      }
      const code = stringField(found, 'statusCode');
      return outcomeOfCode(code, stringField(found, 'reason') || stringField(found, 'statusMessage'), providerMessageId);
    },
  };
}

/** A Solapi status code (from failedMessageList, messageList or a report) as Jumun's outcome. */
function outcomeOfCode(code: string, statusMessage: string, messageId: string | null): ProviderOutcome {
  const detail = `솔라피 ${code || '(코드 없음)'}: ${describeSolapiCode(code, statusMessage)}`;
  switch (classifySolapiCode(code)) {
    case 'delivered':
      return { kind: 'delivered', providerMessageId: messageId, detail };
    case 'waiting':
      return messageId
        ? { kind: 'accepted', providerMessageId: messageId, detail }
        : { kind: 'failed', code: 'UnexpectedResponse', detail, retry: false };
    case 'setup':
      return { kind: 'failed', code, detail, retry: false };
    case 'transient':
      return { kind: 'failed', code, detail, retry: true };
    case 'recipient':
      return { kind: 'undeliverable', code, detail };
  }
}

function networkFailure(error: unknown, timeoutMs: number): ProviderOutcome {
  const name = error instanceof Error ? error.name : '';
  if (name === 'TimeoutError' || name === 'AbortError') {
    return { kind: 'failed', code: 'timeout', detail: `솔라피가 ${timeoutMs / 1000}초 안에 답하지 않았습니다`, retry: true };
  }
  const cause = error instanceof Error && isRecord(error.cause) && typeof error.cause.code === 'string' ? ` (${error.cause.code})` : '';
  const message = error instanceof Error ? error.message : String(error);
  return { kind: 'failed', code: 'network', detail: `솔라피에 연결하지 못했습니다: ${message}${cause}`, retry: true };
}

/** Solapi's variables are keyed `#{이름}`, as written in the registered template. */
function kakaoVariables(variables: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(variables)) out[/^#\{.+\}$/.test(name) ? name : `#{${name}}`] = value;
  return out;
}

function cutToBytes(text: string, maxBytes: number): string {
  let out = '';
  for (const ch of text) {
    if (smsBytes(out + ch) > maxBytes) break;
    out += ch;
  }
  return out;
}

function digitsOnly(phone: string): string {
  return phone.replace(/\D/g, '');
}

function parseJson(text: string): unknown {
  try {
    return text ? (JSON.parse(text) as unknown) : null;
  } catch {
    return null;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function arrayOfRecords(value: unknown): Array<Record<string, unknown>> {
  return Array.isArray(value) ? value.filter(isRecord) : [];
}

function stringField(record: Record<string, unknown>, name: string): string {
  const value = record[name];
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';
}
