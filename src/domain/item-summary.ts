/**
 * An order's item summary as the list shows it: the first item's name and how many more. The
 * order row caches the Korean form ("린넨 셔츠 외 2건", written with the order); an English reader
 * gets "린넨 셔츠 +2 more" from the same cache (product names are data and stay as sold).
 */
export function itemSummaryOf(firstProductName: string, itemCount: number): string {
  return itemCount > 1 ? `${firstProductName} 외 ${itemCount - 1}건` : firstProductName;
}

export function itemSummaryIn(cached: string, itemCount: number, lang: 'ko' | 'en'): string {
  if (lang === 'ko' || itemCount <= 1) return cached;
  const suffix = ` 외 ${itemCount - 1}건`;
  if (!cached.endsWith(suffix)) return cached;
  return `${cached.slice(0, -suffix.length)} +${itemCount - 1} more`;
}
