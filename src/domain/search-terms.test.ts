import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { digitWindowsOf, keywordTermsOf, matchesKeyword, normalizeSearchText, searchTermsOf, textGramsOf } from './search-terms';

const find = (fields: string[], keyword: string) => {
  const k = keywordTermsOf(keyword);
  return k !== null && matchesKeyword(searchTermsOf(fields), k);
};

describe('normalizeSearchText', () => {
  it('keeps letters, digits and @ in lower case, in NFKC', () => {
    expect(normalizeSearchText('010-1234-5678')).toBe('01012345678');
    expect(normalizeSearchText(' 홍 길동 ')).toBe('홍길동');
    expect(normalizeSearchText('A.Kim_01@Naver.com')).toBe('akim01@navercom');
    expect(normalizeSearchText('０１０－１２３４')).toBe('0101234');
    // decomposed Hangul (as macOS file names and some IMEs send it) composes
    expect(normalizeSearchText('\u1112\u1169\u11BC\u1100\u1175\u11AF')).toBe('홍길');
    expect(normalizeSearchText('--- ...')).toBe('');
  });

  it('is a fixed point: normalizing twice changes nothing', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme' }), (s) => normalizeSearchText(normalizeSearchText(s)) === normalizeSearchText(s)));
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (s) => normalizeSearchText(normalizeSearchText(s)) === normalizeSearchText(s)));
  });
});

describe('grams and digit windows', () => {
  it('lists the 2-character grams but digit pairs, and 4-digit windows of digit runs', () => {
    expect(textGramsOf('홍길동')).toEqual(['길동', '홍길']);
    expect(textGramsOf('ab12c')).toEqual(['2c', 'ab', 'b1'].sort());
    expect(textGramsOf('홍길동 김철수')).not.toContain('동김');
    expect(digitWindowsOf('01012345678')).toEqual(['0101', '0123', '1012', '1234', '2345', '3456', '4567', '5678'].sort());
    expect(digitWindowsOf('sky123 jin4567x')).toEqual(['4567']);
  });

  it('finds full names by a 2-syllable fragment, phones by any 4+ digits with or without hyphens', () => {
    const fields = ['홍길동', '김철수', 'sky12@naver.com', '010-1234-5678', '010-9876-5432', '612345678901'];
    for (const hit of ['길동', '홍길', '홍길동', '철수', '5678', '1234', '010-1234-5678', '1234-5678', '01098765432', 'sky12@', 'naver.com', '345678901', '12']) {
      expect(find(fields, hit), hit).toBe(true);
    }
    for (const miss of ['동김', '길순', '5679', '6785', '0109876-5678', 'daum', '']) expect(find(fields, miss), miss).toBe(false);
  });

  it('builds the order columns from its fields, dropping empty and repeated ones', () => {
    const terms = searchTermsOf(['홍길동', null, '홍 길동', '', 'Gil@x.kr']);
    expect(terms.text).toBe('홍길동 gil@xkr');
    expect(terms.digits).toEqual([]);
  });
});

/** Field values drawn from what orders hold: Hangul, Latin, digits and punctuation. */
const field = fc
  .array(fc.constantFrom(...'홍길동김철수영희가나다abcxyzABC0123456789-@. _'.split('')), { maxLength: 16 })
  .map((chars) => chars.join(''));
const anyField = fc.oneof(field, fc.string({ unit: 'grapheme', maxLength: 12 }));

describe('the gram index never loses a match', () => {
  it('every substring of length ≥ 2 of a field is found by gram and window containment plus the substring check', () => {
    fc.assert(
      fc.property(fc.array(anyField, { minLength: 1, maxLength: 5 }), (fields) => {
        const terms = searchTermsOf(fields);
        for (const f of fields) {
          const chars = Array.from(normalizeSearchText(f));
          for (let from = 0; from < chars.length; from++) {
            for (let to = from + 2; to <= chars.length; to++) {
              const keyword = keywordTermsOf(chars.slice(from, to).join(''));
              if (!keyword || !matchesKeyword(terms, keyword)) return false;
            }
          }
        }
        return true;
      }),
      { numRuns: 300 },
    );
  });

  it('matches exactly when the normalized keyword is inside one normalized field', () => {
    fc.assert(
      fc.property(fc.array(field, { minLength: 1, maxLength: 4 }), field, (fields, keyword) => {
        const k = keywordTermsOf(keyword);
        const expected = k !== null && fields.some((f) => normalizeSearchText(f).includes(k.text));
        return (k !== null && matchesKeyword(searchTermsOf(fields), k)) === expected;
      }),
      { numRuns: 500 },
    );
  });
});
