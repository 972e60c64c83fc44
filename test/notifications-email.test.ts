import { createServer, type AddressInfo, type Socket } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createSmtpTransport, type SmtpConfig } from '../src/server/notifications/email';
import { renderEmailHtml } from '../src/server/notifications/email-html';
import type { MailRequest } from '../src/server/notifications/transport-types';
import { startSmtpSink, type SmtpSink } from './support/smtp-sink';

/**
 * The e-mail channel against a real SMTP server on loopback: what arrives, and how each refusal
 * of the server comes back to the outbox (delivered, undeliverable, or failed with or without retry).
 */

let sink: SmtpSink;

beforeAll(async () => {
  sink = await startSmtpSink();
});
afterAll(async () => {
  await sink.close();
});
beforeEach(() => {
  sink.tempFail(false);
});

function configFor(overrides: Partial<SmtpConfig> = {}): SmtpConfig {
  return { host: sink.host, port: sink.port, secure: false, user: sink.user, password: sink.password, from: '"달빛상회" <shop@dalbit.example.kr>', ...overrides };
}

const body = '홍길동님, 안녕하세요.\n\n[달빛상회] 상품이 발송되었습니다.\n\n주문번호: J-1001\n상품: <수제> 머그컵 & 받침\n배송조회: https://trace.example.kr/track?no=1234';

function mailTo(to: string): MailRequest {
  const subject = '[달빛상회] 상품이 발송되었습니다 (J-1001) — 한글 제목이 조금 길어도 인코딩된 여러 단어로 나뉘어 도착합니다';
  return { to, subject, text: body, html: renderEmailHtml({ shopName: '달빛상회', subject, text: body }) };
}

async function send(request: MailRequest, overrides: Partial<SmtpConfig> = {}) {
  const transport = createSmtpTransport(configFor(overrides));
  try {
    return await transport.send(request);
  } finally {
    transport.close();
  }
}

describe('SMTP transport', () => {
  it('delivers a Korean mail with its subject, a text part and an HTML part', async () => {
    const before = sink.mails.length;
    const outcome = await send(mailTo('buyer@example.com'));

    expect(outcome).toMatchObject({ kind: 'delivered', detail: expect.stringMatching(/^250 .*Ok: queued as sink-/) });
    const [mail] = (await sink.waitFor(before + 1)).slice(before);
    expect(outcome.kind === 'delivered' && outcome.providerMessageId).toBe(mail!.headers['message-id']);
    expect(mail!.user).toBe(sink.user);
    expect(mail!.envelopeTo).toEqual(['buyer@example.com']);
    expect(mail!.envelopeFrom).toBe('shop@dalbit.example.kr');
    expect(mail!.from).toBe('달빛상회 <shop@dalbit.example.kr>');
    expect(mail!.to).toBe('buyer@example.com');
    expect(mail!.subject).toBe(mailTo('x').subject);
    // a long Korean subject is folded into several encoded words, which must read as one text
    expect(mail!.raw.match(/^Subject:(?:.*\r?\n[ \t].*)*/m)?.[0].match(/=\?UTF-8\?[BQ]\?/gi)?.length).toBeGreaterThan(1);
    // the Korean travelled encoded: nothing but ASCII on the wire
    expect(mail!.raw).not.toMatch(/[^ -~\r\n\t]/);
    expect(mail!.root.contentType).toBe('multipart/alternative');
    expect(mail!.text?.replace(/\r\n/g, '\n')).toBe(body);
    expect(mail!.html).toContain('상품: &lt;수제&gt; 머그컵 &amp; 받침');
    expect(mail!.html).toMatch(/<a href="https:\/\/trace\.example\.kr\/track\?no=1234"[^>]*>배송조회<\/a>/);
  });

  it('delivers mostly-English text as quoted-printable, Korean intact', async () => {
    const before = sink.mails.length;
    const text = 'Hello 홍길동, your order J-1002 has shipped.\nTrack it: https://trace.example.kr/track?no=99&lang=en';
    const outcome = await send({ to: 'buyer2@example.com', subject: 'Order J-1002 shipped', text, html: renderEmailHtml({ shopName: 'Dalbit', subject: 'Order J-1002 shipped', text }) });

    expect(outcome.kind).toBe('delivered');
    const [mail] = (await sink.waitFor(before + 1)).slice(before);
    expect(mail!.raw).toMatch(/Content-Transfer-Encoding: quoted-printable/i);
    expect(mail!.subject).toBe('Order J-1002 shipped');
    expect(mail!.text?.replace(/\r\n/g, '\n')).toBe(text);
    expect(mail!.html).toContain('href="https://trace.example.kr/track?no=99&amp;lang=en"');
  });

  it('fails without retry when the server refuses the password (535)', async () => {
    const before = sink.mails.length;
    const outcome = await send(mailTo('buyer@example.com'), { password: 'not-the-password' });

    expect(outcome).toMatchObject({ kind: 'failed', code: '535', retry: false, detail: expect.stringContaining('535') });
    expect(sink.mails.length).toBe(before);
  });

  it('fails without retry when the shop has no login but the server requires one (530)', async () => {
    const outcome = await send(mailTo('buyer@example.com'), { user: null, password: null });

    expect(outcome).toMatchObject({ kind: 'failed', code: '530', retry: false });
  });

  it('reports a recipient the server refuses for good as undeliverable, with the SMTP code', async () => {
    sink.rejectRecipient('gone@example.com');
    sink.rejectRecipient('Blocked@Example.com', 553);

    expect(await send(mailTo('gone@example.com'))).toMatchObject({ kind: 'undeliverable', code: '550', detail: expect.stringContaining('User unknown') });
    expect(await send(mailTo('blocked@example.com'))).toMatchObject({ kind: 'undeliverable', code: '553' });
  });

  it('fails with retry while the server answers "try again later" (451), and delivers once it takes mail again', async () => {
    const before = sink.mails.length;
    sink.tempFail(true);
    expect(await send(mailTo('later@example.com'))).toMatchObject({ kind: 'failed', code: '451', retry: true });
    expect(sink.mails.length).toBe(before);

    sink.tempFail(false);
    expect(await send(mailTo('later@example.com'))).toMatchObject({ kind: 'delivered' });
    const arrived = await sink.waitFor(before + 1);
    expect(arrived.at(-1)?.envelopeTo).toEqual(['later@example.com']);
  });

  it('fails with retry when nothing listens on the port', async () => {
    // a port that was just free: listen on an ephemeral one and let it go
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const port = (probe.address() as AddressInfo).port;
    await new Promise<void>((resolve) => probe.close(() => resolve()));

    const outcome = await send(mailTo('buyer@example.com'), { port });
    expect(outcome).toMatchObject({ kind: 'failed', retry: true, code: 'ESOCKET:ECONNREFUSED' });
  });

  it('fails with retry when the server takes the connection but never greets (timeout)', async () => {
    const held: Socket[] = [];
    // hold the socket open and say nothing, as a hung mail server does
    const silent = createServer((socket) => held.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    try {
      const transport = createSmtpTransport(configFor({ port: (silent.address() as AddressInfo).port }), { timeoutMs: 2000 });
      const outcome = await transport.send(mailTo('buyer@example.com'));
      transport.close();
      expect(outcome).toMatchObject({ kind: 'failed', retry: true, code: 'ETIMEDOUT' });
    } finally {
      for (const socket of held) socket.destroy();
      await new Promise<void>((resolve) => silent.close(() => resolve()));
    }
  });

  it('fails with retry when the TLS handshake fails (a plain server asked for TLS)', async () => {
    const outcome = await send(mailTo('buyer@example.com'), { secure: true });
    expect(outcome).toMatchObject({ kind: 'failed', retry: true, code: expect.stringMatching(/^(ESOCKET|ETLS)/) });
  });

  it('talks TLS to a server whose certificate no authority signed only when allowed to', async () => {
    // smtp-server's built-in certificate: self-signed, and expired by now (either refusal will do)
    const tlsSink = await startSmtpSink({ secure: true });
    try {
      const config = { ...configFor(), host: tlsSink.host, port: tlsSink.port, secure: true, user: tlsSink.user, password: tlsSink.password };
      const strict = createSmtpTransport(config);
      const refused = await strict.send(mailTo('buyer@example.com'));
      strict.close();
      expect(refused).toMatchObject({ kind: 'failed', retry: true, detail: expect.stringMatching(/self[- ]signed|certificate/i) });

      const trusting = createSmtpTransport(config, { allowSelfSigned: true });
      const outcome = await trusting.send(mailTo('buyer@example.com'));
      trusting.close();
      expect(outcome.kind).toBe('delivered');
      const [mail] = await tlsSink.waitFor(1);
      expect(mail!.subject).toBe(mailTo('x').subject);
    } finally {
      await tlsSink.close();
    }
  });
});
