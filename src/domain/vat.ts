/**
 * 공급가액 and 세액 of an amount that includes Korea's 10 % VAT, as a 거래명세서 or a 세금계산서
 * prints them: 공급가액 = round(total / 1.1), 세액 = the rest — so the two always sum to the total,
 * to the won. Integer arithmetic (total × 10 / 11) keeps floating point out of the rounding.
 * Every item is treated as taxable: the catalog has no 면세 flag yet.
 */
export function splitVat(totalWithVat: number): { supply: number; vat: number } {
  if (!Number.isSafeInteger(totalWithVat)) throw new RangeError(`not an amount of won: ${totalWithVat}`);
  const sign = totalWithVat < 0 ? -1 : 1;
  const abs = Math.abs(totalWithVat);
  // round half up of abs × 10 / 11, in integers
  const supply = Math.floor((abs * 10 * 2 + 11) / 22);
  return { supply: sign * supply, vat: sign * (abs - supply) };
}
