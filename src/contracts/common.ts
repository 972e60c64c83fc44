import { z } from 'zod';

/** Integer won: never a string or a float (API.md). */
export const won = z.number().int().min(0).max(1_000_000_000_000);
export const signedWon = z.number().int().min(-1_000_000_000_000).max(1_000_000_000_000);
export const id = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
/**
 * A storefront's own id of a product, variant, member or coupon ("P-1001", "12345", "sku:NV-M"):
 * letters, digits and . _ : @ + - (starting with a letter or digit), so it can stand in a URL path
 * as it is, and it is always a string, never to be mistaken for one of Jumun's numeric ids.
 */
export const externalId = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._:@+-]{0,99}$/, '1–100 characters: letters, digits and . _ : @ + - (starting with a letter or digit)');
/**
 * Years 1000–9998 only. Outside them JavaScript and the database part ways: Date.UTC reads years
 * 0–99 as 1900–1999, toISOString writes year 10000 as "+010000", and PostgreSQL has no year 0 — a
 * date there was misread or made the query fail. (9998: a day's end, or a -14:00 offset, stays in 9999.)
 */
const FIRST_INSTANT = Date.UTC(1000, 0, 1);
const LAST_INSTANT = Date.UTC(9999, 0, 1);
const YEAR_RANGE = '연도는 1000년부터 9998년까지입니다';
export const isoDateTime = z.iso.datetime({ offset: true }).refine((v) => {
  const t = Date.parse(v);
  return t >= FIRST_INSTANT && t < LAST_INSTANT;
}, YEAR_RANGE);
/** A calendar day (YYYY-MM-DD), in the same years as isoDateTime. */
export const isoDay = z.iso.date().refine((v) => v >= '1000-01-01' && v <= '9998-12-31', YEAR_RANGE);
export const phone = z
  .string()
  .trim()
  .regex(/^0\d{1,2}-?\d{3,4}-?\d{4}$/, '전화번호 형식이 올바르지 않습니다 (예: 010-1234-5678)');
export const postcode = z.string().trim().regex(/^\d{5}$/, '우편번호는 5자리 숫자입니다');
export const CHANNELS = ['own_mall', 'naver_smartstore', 'coupang', 'kakao_gift', 'eleven_st', 'gmarket', 'other'] as const;
export const channel = z.enum(CHANNELS);
export const PAYMENT_METHODS = ['card', 'virtual_account', 'bank_transfer', 'easy_pay', 'points_only'] as const;
export const paymentMethod = z.enum(PAYMENT_METHODS);
