/**
 * The Solapi adapter against a local fake that follows Solapi's documented protocol: real HTTP on
 * loopback, the HMAC header checked as Solapi checks it, documented status and error codes. No database.
 */
import { createHmac } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSolapiProvider } from '../src/server/notifications/solapi';
import { solapiAuthorization } from '../src/server/notifications/solapi-auth';
import type { MessagingProvider, ProviderOutcome } from '../src/server/notifications/transport-types';
import { startFakeSolapi, type FakeSolapi } from './support/fake-solapi';

const BUYER = '01012345678';
const NOT_ON_KAKAO = '01099990000';
const SHIPPED_TEMPLATE = '#{고객명}님, 주문 #{주문번호}이(가) 발송되었습니다.';

let fake: FakeSolapi;
let provider: MessagingProvider;

beforeEach(async () => {
  fake = await startFakeSolapi();
  provider = createSolapiProvider({ apiKey: fake.apiKey, apiSecret: fake.apiSecret, sender: fake.sender, baseUrl: fake.url, timeoutMs: 2_000 });
});
afterEach(() => fake.close());

function alimtalkTo(to: string) {
  return {
    to,
    pfId: fake.pfId,
    templateCode: 'KA01TP_SHIPPED',
    text: '김주문님, 주문 J-1001이(가) 발송되었습니다.',
    variables: { 고객명: '김주문', 주문번호: 'J-1001' },
  };
}

function acceptedId(outcome: ProviderOutcome): string {
  if (outcome.kind !== 'accepted') throw new Error(`expected accepted, got ${JSON.stringify(outcome)}`);
  return outcome.providerMessageId;
}

describe('알림톡', () => {
  it('is accepted with Solapi’s messageId, sent without Solapi’s own SMS fallback, then reported delivered', async () => {
    fake.registerTemplate('KA01TP_SHIPPED', SHIPPED_TEMPLATE);
    const messageId = acceptedId(await provider.sendAlimtalk({ ...alimtalkTo('010-1234-5678') }));

    expect(fake.messages).toHaveLength(1);
    const sent = fake.messages[0]!;
    expect(sent.messageId).toBe(messageId);
    expect(sent).toMatchObject({ type: 'ATA', to: BUYER, from: fake.sender, text: '김주문님, 주문 J-1001이(가) 발송되었습니다.' });
    expect(sent.kakaoOptions).toEqual({
      pfId: fake.pfId,
      templateId: 'KA01TP_SHIPPED',
      variables: { '#{고객명}': '김주문', '#{주문번호}': 'J-1001' },
      disableSms: true,
    });

    const report = await provider.report(messageId);
    expect(report).toMatchObject({ kind: 'delivered', providerMessageId: messageId });
    expect(report.detail).toContain('4000');
  });

  it('reports accepted again while Kakao has not answered yet', async () => {
    fake.holdReports(true);
    const messageId = acceptedId(await provider.sendAlimtalk(alimtalkTo(BUYER)));
    expect(await provider.report(messageId)).toMatchObject({ kind: 'accepted', providerMessageId: messageId });
    fake.holdReports(false);
    expect((await provider.report(messageId)).kind).toBe('delivered');
  });

  it('to a buyer without KakaoTalk ends undeliverable with 3104 (the cue for Jumun’s SMS fallback)', async () => {
    fake.failAlimtalkTo(NOT_ON_KAKAO, '3104');
    const messageId = acceptedId(await provider.sendAlimtalk(alimtalkTo(NOT_ON_KAKAO)));
    const report = await provider.report(messageId);
    expect(report).toMatchObject({ kind: 'undeliverable', code: '3104' });
    expect(report.detail).toContain('카카오톡 미사용자');
  });

  it('whose text does not match the registered template is refused at once as undeliverable (1043)', async () => {
    fake.registerTemplate('KA01TP_SHIPPED', SHIPPED_TEMPLATE);
    const outcome = await provider.sendAlimtalk({ ...alimtalkTo(BUYER), text: '김주문님, 발송되었어요!' });
    expect(outcome).toMatchObject({ kind: 'undeliverable', code: '1043' });
  });
});

describe('SMS and LMS', () => {
  it('sends a short text as an SMS without a title', async () => {
    const text = '[주문] 김주문님 주문 J-1001 발송완료';
    acceptedId(await provider.sendText({ to: BUYER, subject: '발송 안내', text }));
    expect(fake.messages[0]).toMatchObject({ type: 'SMS', to: BUYER, from: fake.sender, text, subject: null });
  });

  it('sends a text over 90 bytes as an LMS with its title', async () => {
    // 46 Hangul syllables and spaces: under 90 characters but over 90 bytes, which an SMS cannot carry.
    const text = '김주문님, 주문하신 상품이 오늘 출고되었습니다. 택배사 사정에 따라 하루에서 이틀 걸릴 수 있습니다.';
    expect(text.length).toBeLessThan(90);
    const messageId = acceptedId(await provider.sendText({ to: BUYER, subject: '발송 안내', text }));
    expect(fake.messages[0]).toMatchObject({ type: 'LMS', text, subject: '발송 안내' });
    expect((await provider.report(messageId)).kind).toBe('delivered');
  });

  it('to a dead number ends undeliverable from the carrier’s report', async () => {
    fake.failTextTo(BUYER, '3032');
    const messageId = acceptedId(await provider.sendText({ to: BUYER, subject: null, text: '안내' }));
    expect(await provider.report(messageId)).toMatchObject({ kind: 'undeliverable', code: '3032' });
  });
});

describe('failures', () => {
  it('a wrong secret fails without retry (403 SignatureDoesNotMatch), and the secret is never in the answer', async () => {
    const wrong = createSolapiProvider({ apiKey: fake.apiKey, apiSecret: 'not-the-secret', sender: fake.sender, baseUrl: fake.url });
    const outcome = await wrong.sendAlimtalk(alimtalkTo(BUYER));
    expect(outcome).toMatchObject({ kind: 'failed', code: 'SignatureDoesNotMatch', retry: false });
    expect(JSON.stringify(outcome)).not.toContain('not-the-secret');
    expect(fake.messages).toHaveLength(0);
  });

  it('an unregistered sender number and an empty balance fail without retry', async () => {
    const stranger = createSolapiProvider({ apiKey: fake.apiKey, apiSecret: fake.apiSecret, sender: '0299998888', baseUrl: fake.url });
    expect(await stranger.sendText({ to: BUYER, subject: null, text: '안내' })).toMatchObject({ kind: 'failed', code: '1062', retry: false });
    fake.emptyBalance(true);
    expect(await provider.sendText({ to: BUYER, subject: null, text: '안내' })).toMatchObject({ kind: 'failed', code: '1030', retry: false });
  });

  it('an outage (503) and a rate limit (429) fail with retry', async () => {
    fake.outage(true);
    expect(await provider.sendAlimtalk(alimtalkTo(BUYER))).toMatchObject({ kind: 'failed', code: 'HTTP_503', retry: true });
    fake.outage(false);
    fake.rateLimit(true);
    expect(await provider.sendText({ to: BUYER, subject: null, text: '안내' })).toMatchObject({ kind: 'failed', code: 'TooManyRequests', retry: true });
    fake.rateLimit(false);
    acceptedId(await provider.sendText({ to: BUYER, subject: null, text: '안내' }));
  });

  it('a request Solapi holds past the timeout fails with retry', async () => {
    fake.hang(true);
    const outcome = await provider.sendAlimtalk(alimtalkTo(BUYER));
    expect(outcome).toMatchObject({ kind: 'failed', code: 'timeout', retry: true });
  });

  it('a refused connection fails with retry', async () => {
    const url = fake.url;
    await fake.close();
    const gone = createSolapiProvider({ apiKey: 'k', apiSecret: 's', sender: '0212345678', baseUrl: url });
    expect(await gone.report('M4V00000000000000NOTTHERE')).toMatchObject({ kind: 'failed', code: 'network', retry: true });
    fake = await startFakeSolapi();
  });
});

describe('the fake checks Solapi’s authentication as documented', () => {
  async function listWith(authorization: string): Promise<{ status: number; body: { errorCode?: string } }> {
    const response = await fetch(`${fake.url}/messages/v4/list`, { headers: { Authorization: authorization } });
    return { status: response.status, body: (await response.json()) as { errorCode?: string } };
  }

  it('accepts a fresh signature once and refuses it the second time (DuplicatedSignature)', async () => {
    const header = solapiAuthorization(fake.apiKey, fake.apiSecret);
    expect((await listWith(header)).status).toBe(200);
    expect(await listWith(header)).toEqual({ status: 403, body: expect.objectContaining({ errorCode: 'DuplicatedSignature' }) });
  });

  it('refuses a date more than 15 minutes old and an unknown key', async () => {
    const stale = solapiAuthorization(fake.apiKey, fake.apiSecret, new Date(Date.now() - 16 * 60_000));
    expect((await listWith(stale)).body.errorCode).toBe('RequestTimeTooSkewed');
    expect((await listWith(solapiAuthorization('NCSUNKNOWN', fake.apiSecret))).body.errorCode).toBe('InvalidAPIKey');
  });

  it('signs date+salt with the secret as hex HMAC-SHA256, matching Solapi’s documented example shape', () => {
    const header = solapiAuthorization('NCSAYU7YDBXYORXC', 'secret', new Date('2019-07-01T00:41:48Z'));
    const fields = Object.fromEntries(header.replace('HMAC-SHA256 ', '').split(', ').map((part) => part.split('=') as [string, string]));
    expect(fields.apiKey).toBe('NCSAYU7YDBXYORXC');
    expect(fields.date).toBe('2019-07-01T00:41:48.000Z');
    expect(fields.salt).toMatch(/^[0-9a-f]{32}$/);
    expect(fields.signature).toBe(createHmac('sha256', 'secret').update(fields.date! + fields.salt!).digest('hex'));
  });
});
