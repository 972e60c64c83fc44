/**
 * Fills a template's `#{변수}` with an order's facts, checks a template before it is saved, and
 * tells an SMS from an LMS the way Korean carriers count: 90 bytes of EUC-KR (a Hangul syllable is
 * two bytes, ASCII one) fit an SMS; anything longer goes as an LMS with a title.
 */
import { variablesOf, type BuyerMoment } from './buyer-message-moments';

const VARIABLE = /#\{([^{}]{1,30})\}/g;

export type MessageValues = Readonly<Record<string, string>>;

/** The template with every variable replaced; a variable without a value reads as nothing. */
export function renderTemplate(template: string, values: MessageValues): string {
  return template.replace(VARIABLE, (_, name: string) => values[name.trim()] ?? '');
}

/** The variables a template uses that its moment does not offer (a typo would otherwise send blanks). */
export function unknownVariables(template: string, moment: BuyerMoment): string[] {
  const offered = new Set(variablesOf(moment));
  const unknown = new Set<string>();
  for (const match of template.matchAll(VARIABLE)) {
    const name = (match[1] ?? '').trim();
    if (!offered.has(name)) unknown.add(name);
  }
  return [...unknown];
}

/** Bytes the text takes in EUC-KR, as carriers count an SMS (characters outside it count two, as the providers do). */
export function smsBytes(text: string): number {
  let bytes = 0;
  for (const ch of text) bytes += ch.charCodeAt(0) < 0x80 ? 1 : 2;
  return bytes;
}

export const SMS_MAX_BYTES = 90;
/** An LMS holds 2,000 bytes; a longer text is cut (with …) rather than refused by the carrier. */
export const LMS_MAX_BYTES = 2_000;

export function textMessageKind(text: string): 'SMS' | 'LMS' {
  return smsBytes(text) <= SMS_MAX_BYTES ? 'SMS' : 'LMS';
}

/** The text cut to what an LMS can carry. */
export function fitLms(text: string): string {
  if (smsBytes(text) <= LMS_MAX_BYTES) return text;
  let out = '';
  let bytes = 0;
  for (const ch of text) {
    const size = ch.charCodeAt(0) < 0x80 ? 1 : 2;
    if (bytes + size > LMS_MAX_BYTES - 3) break;
    out += ch;
    bytes += size;
  }
  return `${out}…`;
}
