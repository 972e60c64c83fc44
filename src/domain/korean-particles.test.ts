import { describe, expect, it } from 'vitest';
import { particleOf, withParticle } from './korean-particles';

describe('withParticle', () => {
  it('picks by the final consonant of a Korean name', () => {
    expect(withParticle('이서준', '으로/로')).toBe('이서준으로');
    expect(withParticle('김민지', '으로/로')).toBe('김민지로');
    expect(withParticle('이서준', '이/가')).toBe('이서준이');
    expect(withParticle('김민지', '이/가')).toBe('김민지가');
    expect(withParticle('사과', '을/를')).toBe('사과를');
    expect(withParticle('린넨 셔츠', '을/를')).toBe('린넨 셔츠를');
    expect(withParticle('면 양말', '을/를')).toBe('면 양말을');
    expect(withParticle('배송지', '와/과')).toBe('배송지와');
    expect(withParticle('주문', '와/과')).toBe('주문과');
    expect(withParticle('택배사', '은/는')).toBe('택배사는');
    expect(withParticle('송장번호', '은/는')).toBe('송장번호는');
  });

  it('takes 로, not 으로, after a final ㄹ', () => {
    expect(withParticle('서울', '으로/로')).toBe('서울로');
    expect(withParticle('연필', '으로/로')).toBe('연필로');
    expect(withParticle('상품준비중', '으로/로')).toBe('상품준비중으로');
    expect(withParticle('배송완료', '으로/로')).toBe('배송완료로');
    expect(withParticle('자사몰', '으로/로')).toBe('자사몰로');
  });

  it('reads numbers and amounts as they are said', () => {
    expect(withParticle('3,000원', '을/를')).toBe('3,000원을');
    expect(withParticle('1개', '을/를')).toBe('1개를');
    expect(withParticle('5건', '이/가')).toBe('5건이');
    // 일 삼 육 칠 팔 end in a consonant, 이 사 오 구 do not
    expect(withParticle('1', '을/를')).toBe('1을');
    expect(withParticle('2', '을/를')).toBe('2를');
    expect(withParticle('3', '이/가')).toBe('3이');
    expect(withParticle('9', '이/가')).toBe('9가');
    expect(withParticle('배송지 2', '을/를')).toBe('배송지 2를');
    expect(withParticle('배송지 1', '을/를')).toBe('배송지 1을');
    // 일 칠 팔 end in ㄹ: 로
    expect(withParticle('1', '으로/로')).toBe('1로');
    expect(withParticle('6', '으로/로')).toBe('6으로');
    // a number ending in zeros is read by its place: 십 백 천 만
    expect(withParticle('10', '을/를')).toBe('10을');
    expect(withParticle('1,000', '이/가')).toBe('1,000이');
    expect(withParticle('0', '을/를')).toBe('0을');
    expect(withParticle('#12', '을/를')).toBe('#12를');
    expect(withParticle('요청 #7', '을/를')).toBe('요청 #7을');
  });

  it('reads Latin acronyms letter by letter and words by their ending', () => {
    expect(withParticle('CJ', '으로/로')).toBe('CJ로');
    expect(withParticle('CJ', '을/를')).toBe('CJ를');
    expect(withParticle('LG', '이/가')).toBe('LG가');
    expect(withParticle('SSL', '을/를')).toBe('SSL을');
    expect(withParticle('SSL', '으로/로')).toBe('SSL로');
    expect(withParticle('Apple', '을/를')).toBe('Apple을');
    expect(withParticle('Apple', '으로/로')).toBe('Apple로');
    expect(withParticle('Shop', '이/가')).toBe('Shop이');
    expect(withParticle('Naver', '을/를')).toBe('Naver를');
    expect(withParticle('Kakao Gift', '으로/로')).toBe('Kakao Gift로');
  });

  it('skips a trailing remark in brackets and closing quotes', () => {
    expect(withParticle('수거중(반품)', '으로/로')).toBe('수거중(반품)으로');
    expect(withParticle('배송완료 (2개)', '으로/로')).toBe('배송완료 (2개)로');
    expect(withParticle("'린넨 셔츠'", '을/를')).toBe("'린넨 셔츠'를");
  });
});

describe('particleOf', () => {
  it('answers the particle alone, for templates that style the word apart', () => {
    expect(particleOf('사과', '을/를')).toBe('를');
    expect(particleOf('이서준', '으로/로')).toBe('으로');
    expect(particleOf('3,000원', '이/가')).toBe('이');
  });
});
