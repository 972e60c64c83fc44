/** Tiny HTML helpers: everything from Jumun or the buyer is escaped; `raw` marks our own markup. */
export class Raw {
  constructor(readonly html: string) {}
}
export const raw = (html: string) => new Raw(html);

export function escape(value: unknown): string {
  return String(value ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

/** A tagged template that escapes every interpolation unless it is Raw (or an array of Raw). */
export function html(strings: TemplateStringsArray, ...values: unknown[]): Raw {
  let out = strings[0] ?? '';
  values.forEach((value, i) => {
    const parts = Array.isArray(value) ? value : [value];
    out += parts.map((v) => (v instanceof Raw ? v.html : escape(v))).join('');
    out += strings[i + 1] ?? '';
  });
  return raw(out);
}

export const won = (amount: number) => `${amount.toLocaleString('ko-KR')}원`;

const STYLE = `
  *{box-sizing:border-box} body{margin:0;font-family:'Nanum Gothic','Apple SD Gothic Neo','Malgun Gothic',sans-serif;color:#1f2933;background:#f7f7f5}
  header{background:#1f2933;color:#fff;padding:12px 20px;display:flex;gap:16px;align-items:center;flex-wrap:wrap}
  header a{color:#fff;text-decoration:none} header .brand{font-weight:700;font-size:18px;margin-right:auto}
  main{max-width:960px;margin:0 auto;padding:20px}
  .grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(260px,1fr));gap:16px}
  .card{background:#fff;border:1px solid #e4e7eb;border-radius:8px;padding:16px}
  .price{font-weight:700;font-size:17px} .muted{color:#7b8794;font-size:13px}
  button,.button{background:#2f6fed;color:#fff;border:0;border-radius:6px;padding:8px 14px;font-size:14px;cursor:pointer;text-decoration:none;display:inline-block}
  button.secondary{background:#e4e7eb;color:#1f2933}
  input,select{padding:7px;border:1px solid #cbd2d9;border-radius:6px;font-size:14px;max-width:100%}
  label{display:block;margin:8px 0 4px;font-size:13px;color:#52606d}
  table{width:100%;border-collapse:collapse;background:#fff} th,td{padding:8px;border-bottom:1px solid #e4e7eb;text-align:left;font-size:14px;vertical-align:top}
  .error{background:#fde8e8;color:#9b1c1c;padding:10px 14px;border-radius:6px;margin-bottom:12px}
  .ok{color:#0e7c3a;font-weight:700} .bad{color:#b42318;font-weight:700}
  .row{display:flex;gap:12px;flex-wrap:wrap} .row>div{flex:1;min-width:200px}
  pre{white-space:pre-wrap;word-break:break-all;font-size:12px;background:#f0f2f5;padding:8px;border-radius:6px}
`;

export interface Chrome {
  memberName: string | null;
  cartCount: number;
  /** "내 주문" for a member, "비회원 주문조회" for a guest: both open Jumun's My Page. */
  myPage: { href: string; label: string };
}

export function page(title: string, chrome: Chrome, body: Raw): string {
  return html`<!doctype html>
<html lang="ko"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${title} · 주문 데모 스토어</title><style>${raw(STYLE)}</style></head>
<body><header><a class="brand" href="/">주문 데모 스토어</a>
<a href="/">상품</a><a href="/cart">장바구니 (${chrome.cartCount})</a>
<a href="${chrome.myPage.href}" data-testid="my-page-link">${chrome.myPage.label}</a>
<a href="/members">${chrome.memberName ? `회원: ${chrome.memberName}` : '비회원 (회원 선택)'}</a>
<a href="/webhooks">받은 웹훅</a></header>
<main><h1>${title}</h1>${body}</main></body></html>`.html;
}
