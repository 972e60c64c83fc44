/** `<prefix>YYYYMMDD-<id padded to 7>` with the date in Asia/Seoul; unique because the id is. */
export function orderNumberFor(prefix: string, id: number, orderedAt: Date): string {
  const seoul = new Date(orderedAt.getTime() + 9 * 3_600_000);
  const ymd = seoul.toISOString().slice(0, 10).replaceAll('-', '');
  return `${prefix}${ymd}-${String(id).padStart(7, '0')}`;
}
