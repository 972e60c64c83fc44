import { josa } from 'es-hangul';

/**
 * Korean particles chosen by the final consonant of the word before them (이서준으로, 사과를,
 * 택배사가), through es-hangul rather than "(으)로". Words ending in a Latin letter or a digit are
 * read as Korean reads them (es-hangul's rule), so "CJ로" and "3,000원을" come out right.
 */
export type Particle = '이/가' | '을/를' | '은/는' | '으로/로' | '와/과' | '이나/나' | '이에요/예요' | '이라/라';

/** The word with its particle attached: withParticle('이서준', '으로/로') → '이서준으로'. */
export function withParticle(word: string, particle: Particle): string {
  return josa(word, particle);
}

/** Only the particle, for templates that style the word apart: particleOf('사과', '을/를') → '를'. */
export function particleOf(word: string, particle: Particle): string {
  return josa.pick(word, particle);
}
