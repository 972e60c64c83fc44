import { describe, expect, it } from 'vitest';
import { outcomeOfError } from './email';

/**
 * Replies the loopback SMTP sink (test/notifications-email.test.ts) does not give, sorted as
 * nodemailer reports them: `code`, the server's `response` and its `responseCode`, the `command`.
 */
describe('outcomeOfError', () => {
  it('takes a 454 "temporary authentication failure" as worth a retry, unlike 535', () => {
    expect(outcomeOfError({ code: 'EAUTH', response: '454 4.7.0 Temporary authentication failure', responseCode: 454, command: 'AUTH PLAIN' })).toMatchObject({ kind: 'failed', code: '454', retry: true });
    expect(outcomeOfError({ code: 'EAUTH', response: '535 5.7.8 Bad credentials', responseCode: 535, command: 'AUTH PLAIN' })).toMatchObject({ kind: 'failed', code: '535', retry: false });
  });

  it('takes a missing password (no reply at all) as a setting to fix', () => {
    expect(outcomeOfError({ code: 'EAUTH', message: 'Missing credentials for "PLAIN"', command: 'API' })).toMatchObject({ kind: 'failed', code: 'EAUTH', retry: false });
  });

  it('takes a refused sender (5xx to MAIL FROM) as the shop\'s settings, and a refused message (5xx after DATA) as undeliverable', () => {
    expect(outcomeOfError({ code: 'EENVELOPE', response: '553 5.7.1 Sender address rejected: not owned by user', responseCode: 553, command: 'MAIL FROM' })).toMatchObject({ kind: 'failed', code: '553', retry: false });
    expect(outcomeOfError({ code: 'EMESSAGE', response: '554 5.7.1 Message rejected as spam', responseCode: 554, command: 'DATA' })).toMatchObject({ kind: 'undeliverable', code: '554' });
  });

  it('takes an address nodemailer refuses before asking the server as undeliverable', () => {
    expect(outcomeOfError({ code: 'EENVELOPE', message: 'No recipients defined', command: 'API' })).toMatchObject({ kind: 'undeliverable', code: 'EENVELOPE' });
  });

  it('keeps one line of a multi-line reply', () => {
    const outcome = outcomeOfError({ code: 'EENVELOPE', response: '550-5.1.1 The email account does not exist.\r\n550 5.1.1 https://support.example/answer', responseCode: 550, command: 'RCPT TO' });
    expect(outcome).toEqual({ kind: 'undeliverable', code: '550', detail: '550-5.1.1 The email account does not exist. 550 5.1.1 https://support.example/answer' });
  });
});
