import type { MessageChannel } from './buyer-message-moments';

/**
 * Where a buyer message can go: a Korean mobile number for 알림톡 and SMS (a landline cannot take
 * either), a well-formed e-mail address. Anything else is skipped with the reason, never sent.
 */

/** The number as the providers take it (digits only, 01012345678), or null when it is not a mobile number. */
export function mobileNumber(raw: string | null | undefined): string | null {
  if (!raw) return null;
  let digits = raw.trim().replace(/[\s\-.()]/g, '');
  if (digits.startsWith('+82')) digits = `0${digits.slice(3).replace(/^0/, '')}`;
  return /^01[016789]\d{7,8}$/.test(digits) ? digits : null;
}

/** The address trimmed, or null when it is not one a mailer would accept (one @, a dotted domain, no spaces). */
export function emailAddress(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const value = raw.trim();
  if (value.length > 254) return null;
  return /^[^\s@<>(),;:"]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$/.test(value) ? value : null;
}

/** Where a message on `channel` goes: an e-mail address for e-mail, a mobile number for 알림톡 and SMS; null when `raw` is not one. */
export function recipientFor(channel: MessageChannel, raw: string | null | undefined): string | null {
  return channel === 'email' ? emailAddress(raw) : mobileNumber(raw);
}

/** 010-1234-5678 → 010-****-5678: what staff screens and the timeline show of a recipient. */
export function maskRecipient(to: string): string {
  if (to.includes('@')) {
    const [local = '', domain = ''] = to.split('@');
    return `${local.slice(0, 2)}${'*'.repeat(Math.max(1, local.length - 2))}@${domain}`;
  }
  const digits = to.replace(/\D/g, '');
  if (digits.length < 10) return to;
  return `${digits.slice(0, 3)}-****-${digits.slice(-4)}`;
}
