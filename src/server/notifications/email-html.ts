/**
 * The HTML part of a buyer e-mail, laid out from the plain text the shop's template rendered.
 * Mail clients (Gmail, Naver, Daum, Outlook) ignore <style> blocks and flexbox unevenly, so the
 * layout is tables with inline styles only. Every piece of data (shop name, subject, body, links)
 * is escaped: product names and reasons come from sellers and buyers.
 */

export interface EmailHtmlInput {
  shopName: string;
  subject: string;
  /** The plain-text body: blank lines separate paragraphs, line breaks are kept. */
  text: string;
  /** Small print under the message (the shop's address, why the buyer got this mail). */
  footer?: string | null;
}

const FONT = `-apple-system, BlinkMacSystemFont, 'Apple SD Gothic Neo', 'Malgun Gothic', '맑은 고딕', 'Noto Sans KR', sans-serif`;
const TEXT_COLOR = '#212529';
const MUTED_COLOR = '#868e96';
const ACCENT = '#228be6';

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

/**
 * http(s) URLs, up to the first character a URL cannot hold unencoded: Korean text written right
 * after a link (`…/abc에서 확인`) is not part of it.
 */
const URL_PATTERN = /https?:\/\/[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%]+/g;

/** Drops what ends a sentence rather than the URL: `(https://a.kr/x).` links `https://a.kr/x`. */
function trimUrl(url: string): string {
  let end = url.length;
  for (;;) {
    const last = url[end - 1];
    if (last && '.,;:!?\'"'.includes(last)) end -= 1;
    else if (last === ')' && count(url.slice(0, end), '(') < count(url.slice(0, end), ')')) end -= 1;
    else break;
  }
  return url.slice(0, end);
}

function count(text: string, char: string): number {
  return text.split(char).length - 1;
}

function link(url: string): string {
  return `<a href="${escapeHtml(url)}" style="color: ${ACCENT}; text-decoration: underline; word-break: break-all;">${escapeHtml(url)}</a>`;
}

/** One line of text, escaped, with its URLs as links. */
function lineHtml(line: string): string {
  let html = '';
  let from = 0;
  for (const match of line.matchAll(URL_PATTERN)) {
    const url = trimUrl(match[0]);
    if (!/^https?:\/\/[^/?#]+/.test(url)) continue;
    html += escapeHtml(line.slice(from, match.index)) + link(url);
    from = match.index + url.length;
  }
  return html + escapeHtml(line.slice(from));
}

/**
 * `결제: https://…`, `주문 확인: https://…`, `배송조회: https://…`: a short label and nothing but a
 * link, which reads better as a button the buyer can tap.
 */
function buttonOf(line: string): { label: string; url: string } | null {
  const m = /^\s*([^:\s][^:]{0,19}?)\s*:\s*(https?:\/\/\S+)\s*$/.exec(line);
  if (!m?.[1] || !m[2] || /https?:/.test(m[1])) return null;
  const url = trimUrl(m[2]);
  const whole = url.match(URL_PATTERN);
  if (url !== m[2] || whole?.[0] !== url) return null;
  return { label: m[1], url };
}

function buttonHtml(label: string, url: string): string {
  return (
    `<table role="presentation" cellpadding="0" cellspacing="0" border="0" style="margin: 4px 0 12px 0;"><tr>` +
    `<td style="border-radius: 6px; background-color: ${ACCENT};">` +
    `<a href="${escapeHtml(url)}" style="display: inline-block; padding: 10px 20px; font-family: ${FONT}; font-size: 15px; font-weight: bold; color: #ffffff; text-decoration: none; border-radius: 6px;">${escapeHtml(label)}</a>` +
    `</td></tr></table>`
  );
}

const PARAGRAPH_STYLE = `margin: 0 0 16px 0; font-family: ${FONT}; font-size: 15px; line-height: 1.6; color: ${TEXT_COLOR}; word-break: keep-all; overflow-wrap: anywhere;`;

/** Paragraphs split at blank lines; a button line breaks its paragraph. */
function bodyHtml(text: string): string {
  const out: string[] = [];
  let lines: string[] = [];
  const flush = () => {
    if (lines.length) out.push(`<p style="${PARAGRAPH_STYLE}">${lines.map(lineHtml).join('<br>\n')}</p>`);
    lines = [];
  };
  for (const line of text.replace(/\r\n?/g, '\n').split('\n')) {
    const button = buttonOf(line);
    if (button) {
      flush();
      out.push(buttonHtml(button.label, button.url));
    } else if (line.trim() === '') {
      flush();
    } else {
      lines.push(line);
    }
  }
  flush();
  return out.join('\n');
}

export function renderEmailHtml({ shopName, subject, text, footer }: EmailHtmlInput): string {
  const footerHtml = footer?.trim()
    ? `<tr><td style="padding: 16px 32px 24px 32px; border-top: 1px solid #e9ecef; font-family: ${FONT}; font-size: 12px; line-height: 1.6; color: ${MUTED_COLOR};">${footer
        .trim()
        .replace(/\r\n?/g, '\n')
        .split('\n')
        .map(lineHtml)
        .join('<br>\n')}</td></tr>`
    : '';
  return `<!DOCTYPE html>
<html lang="ko">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(subject)}</title>
</head>
<body style="margin: 0; padding: 0; background-color: #f1f3f5;">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="background-color: #f1f3f5;">
<tr><td align="center" style="padding: 24px 12px;">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="max-width: 600px; background-color: #ffffff; border-radius: 8px;">
<tr><td style="padding: 24px 32px 8px 32px; font-family: ${FONT}; font-size: 18px; font-weight: bold; color: ${TEXT_COLOR};">${escapeHtml(shopName)}</td></tr>
<tr><td style="padding: 16px 32px 8px 32px;">
${bodyHtml(text)}
</td></tr>
${footerHtml}
</table>
</td></tr>
</table>
</body>
</html>
`;
}
