/**
 * A message's text cut into plain runs and URLs, so the screens draw every URL as a real link
 * (staff follow the 결제 link from the message log as the buyer would). A sentence's punctuation
 * after a URL stays text: "…/pay/abc." links to …/pay/abc.
 */
export type TextPart = { kind: 'text'; text: string } | { kind: 'link'; url: string };

const URL_PATTERN = /https?:\/\/[^\s<>"']+/g;
const TRAILING_PUNCTUATION = /[.,;:!?)\]]+$/;

export function splitLinks(text: string): TextPart[] {
  const parts: TextPart[] = [];
  let last = 0;
  for (const match of text.matchAll(URL_PATTERN)) {
    const url = match[0].replace(TRAILING_PUNCTUATION, '');
    if (match.index > last) parts.push({ kind: 'text', text: text.slice(last, match.index) });
    parts.push({ kind: 'link', url });
    last = match.index + url.length;
  }
  if (last < text.length) parts.push({ kind: 'text', text: text.slice(last) });
  return parts;
}

/** The links a text carries, in order, each once (the e-mail's, listed under its sandboxed frame). */
export function linksIn(text: string): string[] {
  return [...new Set(splitLinks(text).flatMap((part) => (part.kind === 'link' ? [part.url] : [])))];
}
