/** A record's details in one line: before → after for a change, else its facts as key: value. */
export function detailText(detail: Record<string, unknown>): string {
  const show = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v));
  const { before, after, ...rest } = detail;
  const change = before !== undefined || after !== undefined ? [`${show(before ?? '–')} → ${show(after ?? '–')}`] : [];
  const facts = Object.entries(rest)
    .filter(([, v]) => v !== undefined && v !== null && !(typeof v === 'object' && Object.keys(v).length === 0))
    .map(([k, v]) => `${k}: ${show(v)}`);
  return [...change, ...facts].join(' · ');
}
