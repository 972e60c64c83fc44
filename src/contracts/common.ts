import { z } from 'zod';

/** Integer won: never a string or a float (API.md). */
export const won = z.number().int().min(0).max(1_000_000_000_000);
export const signedWon = z.number().int().min(-1_000_000_000_000).max(1_000_000_000_000);
export const id = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
export const isoDateTime = z.iso.datetime({ offset: true });
export const phone = z
  .string()
  .trim()
  .regex(/^0\d{1,2}-?\d{3,4}-?\d{4}$/, '전화번호 형식이 올바르지 않습니다 (예: 010-1234-5678)');
export const postcode = z.string().trim().regex(/^\d{5}$/, '우편번호는 5자리 숫자입니다');
export const CHANNELS = ['own_mall', 'naver_smartstore', 'coupang', 'kakao_gift', 'eleven_st', 'gmarket', 'other'] as const;
export const channel = z.enum(CHANNELS);
export const PAYMENT_METHODS = ['card', 'virtual_account', 'bank_transfer', 'easy_pay', 'points_only'] as const;
export const paymentMethod = z.enum(PAYMENT_METHODS);
