/**
 * Keyword search terms for the order list, pure. An order's searchable fields (names, e-mail,
 * phone numbers, tracking numbers) become three cached columns:
 *
 * - `search_text`: every field normalized, separated by a space (which normalization never keeps,
 *   so a match can never straddle two fields);
 * - `search_grams`: every 2-character gram of every field, except grams of two ASCII digits;
 * - `search_digits`: every 4-digit window of every run of 4+ ASCII digits.
 *
 * A keyword matches an order when its normalized form is a substring of `search_text`. The grams
 * and windows exist only to find candidates through a GIN index: for any substring of a field,
 * its own grams and windows are necessarily among the field's (property-tested), so requiring
 * them (`@>`) never loses a match, and the LIKE on `search_text` removes the false candidates.
 * Digit pairs are left out because 100 values over every phone number select nothing; 4-digit
 * windows (10,000 values) make "5678" one selective lookup instead.
 */

/** Letters and digits of any script survive, and '@' (it anchors e-mail searches); nothing else. */
const DROPPED = /[^\p{L}\p{N}@]+/gu;
const ASCII_DIGIT = /[0-9]/;
/** Characters NFKC and lower-casing map to themselves or to ASCII: printable ASCII and Hangul syllables. */
const PLAIN = /^[\x20-\x7e가-힣]*$/;
const DIGIT_RUN = /[0-9]{4,}/g;
export const DIGIT_WINDOW = 4;
export const SEGMENT_SEPARATOR = ' ';

function normalizeOnce(value: string): string {
  return value.normalize('NFKC').toLowerCase().replace(DROPPED, '').normalize('NFKC');
}

/**
 * NFKC (full-width digits, compatibility jamo, composed Hangul), lower case, then only letters,
 * digits and '@': "010-1234-5678" → "01012345678", "홍 길동" → "홍길동", "A.Kim@Naver.com" →
 * "akim@navercom". Applied to the stored fields and to the keyword alike, so they always agree.
 * Dropping a character can bring conjoining jamo together, which NFKC then composes; repeating
 * until nothing changes makes the result a fixed point (normalizing twice changes nothing).
 */
export function normalizeSearchText(value: string): string {
  // Most fields are plain ASCII and composed Hangul, which NFKC leaves as they are: skip it
  // (the seed computes this for every field of a million orders).
  if (PLAIN.test(value)) return value.toLowerCase().replace(DROPPED, '');
  let current = normalizeOnce(value);
  for (let i = 0; i < 4; i++) {
    const next = normalizeOnce(current);
    if (next === current) return current;
    current = next;
  }
  return current;
}

const isDigitPair = (gram: string) => gram.length === 2 && ASCII_DIGIT.test(gram[0] ?? '') && ASCII_DIGIT.test(gram[1] ?? '');

/** Code points, so a gram is two characters even outside the Basic Multilingual Plane. */
function gramsOfSegment(segment: string, into: Set<string>): void {
  const chars = Array.from(segment);
  for (let i = 0; i + 1 < chars.length; i++) {
    const gram = `${chars[i]}${chars[i + 1]}`;
    if (!isDigitPair(gram)) into.add(gram);
  }
}

function digitWindowsOfSegment(segment: string, into: Set<string>): void {
  for (const run of segment.match(DIGIT_RUN) ?? []) {
    for (let i = 0; i + DIGIT_WINDOW <= run.length; i++) into.add(run.slice(i, i + DIGIT_WINDOW));
  }
}

/** The 2-character grams (but digit pairs) of already-normalized text, per segment, sorted. */
export function textGramsOf(normalized: string): string[] {
  const grams = new Set<string>();
  for (const segment of normalized.split(SEGMENT_SEPARATOR)) gramsOfSegment(segment, grams);
  return [...grams].sort();
}

/** The 4-digit windows of every run of 4+ digits of already-normalized text, sorted. */
export function digitWindowsOf(normalized: string): string[] {
  const windows = new Set<string>();
  for (const segment of normalized.split(SEGMENT_SEPARATOR)) digitWindowsOfSegment(segment, windows);
  return [...windows].sort();
}

export interface SearchTerms {
  text: string;
  grams: string[];
  digits: string[];
}

/** The cached search columns of one order from its searchable fields (empty and repeated ones dropped). */
export function searchTermsOf(fields: ReadonlyArray<string | null | undefined>): SearchTerms {
  const segments: string[] = [];
  for (const field of fields) {
    if (!field) continue;
    const normalized = normalizeSearchText(field);
    if (normalized && !segments.includes(normalized)) segments.push(normalized);
  }
  const text = segments.join(SEGMENT_SEPARATOR);
  return { text, grams: textGramsOf(text), digits: digitWindowsOf(text) };
}

/** What a keyword asks of the columns: all of `grams` and `digits` (index), then `text` as a substring. */
export interface KeywordTerms {
  text: string;
  grams: string[];
  digits: string[];
}

/** Null when nothing searchable is left after normalization ("---"). */
export function keywordTermsOf(keyword: string): KeywordTerms | null {
  const text = normalizeSearchText(keyword);
  if (!text) return null;
  return { text, grams: textGramsOf(text), digits: digitWindowsOf(text) };
}

/** The SQL condition, in memory: the model the database query is tested against. */
export function matchesKeyword(order: SearchTerms, keyword: KeywordTerms): boolean {
  const grams = new Set(order.grams);
  const digits = new Set(order.digits);
  return keyword.grams.every((g) => grams.has(g)) && keyword.digits.every((d) => digits.has(d)) && order.text.includes(keyword.text);
}
