/** Placeholder until the mail layout lands: the text, escaped, in a paragraph. */
export function renderEmailHtml(input: { shopName: string; subject: string; text: string; footer?: string }): string {
  const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  return `<!doctype html><html><body><h1>${escape(input.shopName)}</h1><p>${escape(input.text).replace(/\n/g, '<br>')}</p></body></html>`;
}
