import { josa } from 'es-hangul';

/**
 * Korean particles chosen by the final consonant of the word before them (이서준으로, 사과를,
 * 택배사가), through es-hangul rather than "(으)로". es-hangul reads only a final Hangul syllable;
 * words that end otherwise are read aloud first, as a Korean reader would say them, so the particle
 * fits the sound: digits by their Korean reading ("1개를" but "1을" 일, "3을" 삼, "10을" 십, "2를" 이),
 * Latin acronyms letter by letter ("CJ로" 씨제이, "LG를", "SSL을" 에스에스엘), Latin words by their
 * ending ("Apple을" 애플, "Shop을", "Naver를"), and a trailing "(반품)" or quote skipped:
 * "수거중(반품)으로" takes the particle of 수거중.
 */
export type Particle = '이/가' | '을/를' | '은/는' | '으로/로' | '와/과' | '이나/나' | '이에요/예요' | '이라/라';

/** The word with its particle attached: withParticle('이서준', '으로/로') → '이서준으로'. */
export function withParticle(word: string, particle: Particle): string {
  return `${word}${particleOf(word, particle)}`;
}

/** Only the particle, for templates that style the word apart: particleOf('사과', '을/를') → '를'. */
export function particleOf(word: string, particle: Particle): string {
  return josa.pick(spokenEnding(word), particle);
}

/** Syllables standing for how a word ends: no final consonant, final ㄹ (으로 → 로), another final. */
const OPEN = '가';
const RIEUL = '갈';
const CLOSED = '각';

/** 영 일 이 삼 사 오 육 칠 팔 구 */
const DIGIT_ENDINGS = [CLOSED, RIEUL, OPEN, CLOSED, OPEN, OPEN, CLOSED, RIEUL, RIEUL, OPEN];
/** 십 백 천 만: a number ending in zeros is read by its last place (10 십, 200 이백, 3000 삼천, 40000 사만). */
const PLACE_ENDINGS = [CLOSED, CLOSED, CLOSED, CLOSED];
/** Letter names as Koreans say them: 엘, 엠, 엔, 알 end in a consonant; 에이, 비, 씨 … do not. */
const LETTER_ENDINGS: Record<string, string> = { l: RIEUL, m: CLOSED, n: CLOSED, r: RIEUL };

/** What the word sounds like at its end, as a Hangul syllable es-hangul can read. */
function spokenEnding(word: string): string {
  // a trailing remark in brackets or a closing quote does not change the particle: 수거중(반품)으로
  const bare = word.replace(/(\s*[([{（［【「『][^()[\]{}（）［］【】「」『』]*[)\]}）］】」』])+\s*$/u, '').replace(/[\s'"’”»」』.,!?:;)\]]+$/u, '');
  const text = bare === '' ? word : bare;
  const last = text.slice(-1);
  if (/[\uac00-\ud7a3]/u.test(last)) return last;
  if (/[0-9]/.test(last)) return numberEnding(text);
  if (/[a-z]/i.test(last)) return latinEnding(text);
  return OPEN;
}

function numberEnding(text: string): string {
  const digits = (/[0-9][0-9,]*$/.exec(text)?.[0] ?? '0').replace(/,/g, '');
  const trimmed = digits.replace(/0+$/, '');
  if (trimmed === '') return DIGIT_ENDINGS[0] ?? OPEN; // 0 영
  const zeros = digits.length - trimmed.length;
  // 10 십, 100 백, 1000 천, 10000 만, then 십만 백만 천만 and 억 (억 ends in ㄱ as well)
  if (zeros > 0) return PLACE_ENDINGS[(zeros - 1) % 4] ?? CLOSED;
  return DIGIT_ENDINGS[Number(trimmed.slice(-1))] ?? OPEN;
}

function latinEnding(text: string): string {
  const word = /[a-z]+$/i.exec(text)?.[0] ?? '';
  const lower = word.toLowerCase();
  // acronyms (CJ, LG, SSL) and single letters are spelled out
  if (word.length === 1 || (word === word.toUpperCase() && word.length <= 5)) return LETTER_ENDINGS[lower.slice(-1)] ?? OPEN;
  // words, by how their ending is said: apple 애플, mail 메일 (ㄹ); team 팀, line 라인, king 킹,
  // shop 숍, web 웹, book 북 (another final); naver 네이버, card 카드, smart 스마트 (none)
  if (/(?:l|le)$/.test(lower)) return RIEUL;
  if (/(?:m|n|ng|me|ne|[aeiou](?:p|b|ck|k))$/.test(lower)) return CLOSED;
  return OPEN;
}
