/**
 * Money is integer won. Every split of an amount (a coupon over items, points over items, a refund
 * over payments) goes through `prorate`, whose parts always sum exactly to the whole.
 *
 * Arithmetic that could leave the safe-integer range or suffer float error (products of amounts and
 * weights, percentages) is done in BigInt; the results are always back in the safe range.
 */

/** An integer amount of Korean won. */
export type Won = number;

export function isWon(n: unknown): n is Won {
  return typeof n === 'number' && Number.isSafeInteger(n);
}

function assertWon(n: number, what: string): void {
  if (!isWon(n)) throw new RangeError(`${what} must be a safe integer number of won, got ${n}`);
}

/**
 * Turns finite non-negative doubles into BigInts with the same ratios. Every finite double is an
 * integer times a power of two, so scaling all of them by the largest needed power of two is exact:
 * the split of 0.1 : 0.2 is then exactly the split of the doubles, not of a rounded copy.
 */
function toExactIntegers(weights: readonly number[]): bigint[] {
  const shifts = weights.map((w) => {
    let k = 0;
    let v = w;
    // Multiplying a double by 2 is exact; at most 1074 steps reach an integer (subnormals).
    while (!Number.isInteger(v)) {
      v *= 2;
      k += 1;
    }
    return { int: BigInt(v), k };
  });
  const maxK = shifts.reduce((m, s) => Math.max(m, s.k), 0);
  return shifts.map((s) => s.int << BigInt(maxK - s.k));
}

/**
 * Splits `total` into integer parts proportional to `weights` by the largest-remainder method:
 * everyone gets the floor of their exact share, and the won left over go one each to the largest
 * remainders (ties to the lower index, so the result is deterministic).
 *
 * - Parts always sum exactly to `total`; each part is within 1 of its exact share.
 * - A zero weight gets 0, unless every weight is 0: then the total is split equally by count
 *   (a coupon on an order whose items are all free still has to land somewhere).
 * - A negative total is split as the negation of the split of |total|, so refunds mirror charges.
 * - Negative or non-finite weights, a non-integer total, or a non-zero total over no weights are
 *   bugs in the caller and throw.
 */
export function prorate(total: Won, weights: readonly number[]): Won[] {
  assertWon(total, 'prorate total');
  for (const w of weights) {
    if (!Number.isFinite(w) || w < 0) throw new RangeError(`prorate weights must be finite and >= 0, got ${w}`);
  }
  if (weights.length === 0) {
    if (total !== 0) throw new RangeError(`cannot prorate ${total} over no weights`);
    return [];
  }
  if (total < 0) return prorate(-total, weights).map((p) => (p === 0 ? 0 : -p));

  const exact = weights.every((w) => w === 0) ? weights.map(() => 1n) : toExactIntegers(weights);
  const sumW = exact.reduce((a, b) => a + b, 0n);
  const t = BigInt(total);

  const floors = exact.map((w) => (t * w) / sumW);
  const remainders = exact.map((w) => (t * w) % sumW);
  let leftover = Number(t - floors.reduce((a, b) => a + b, 0n));

  const order = remainders
    .map((r, i) => ({ r, i }))
    .sort((a, b) => (a.r === b.r ? a.i - b.i : a.r > b.r ? -1 : 1));
  const parts = floors.map(Number);
  // Σ remainders = leftover × sumW and each remainder < sumW, so the first `leftover` entries all
  // have a positive remainder: a zero weight never receives a leftover won.
  for (const { i } of order) {
    if (leftover === 0) break;
    parts[i] = (parts[i] ?? 0) + 1;
    leftover -= 1;
  }
  return parts;
}

/**
 * Rates carry at most two decimals (2.5%, 0.25%), so they are handled as integer hundredths of a
 * percent; null when the rate is negative, not finite, or has a third decimal.
 */
function rateInHundredths(ratePercent: number): bigint | null {
  if (!Number.isFinite(ratePercent) || ratePercent < 0) return null;
  const scaled = Math.round(ratePercent * 100);
  // 2.5 * 100 may come out as 250.00000000000003; anything further off has a third decimal.
  if (Math.abs(ratePercent * 100 - scaled) > 1e-6) return null;
  return BigInt(scaled);
}

/** True when `ratePercent` is a finite, non-negative rate with at most two decimals. */
export function isValidRate(ratePercent: number): boolean {
  return rateInHundredths(ratePercent) !== null;
}

/**
 * `ratePercent`% of `amount`, rounded toward zero to the won (down for the usual positive amounts;
 * a negative amount gives the negation of the positive result, so a reversal mirrors the original).
 */
export function percentOf(amount: Won, ratePercent: number): Won {
  assertWon(amount, 'percentOf amount');
  const hundredths = rateInHundredths(ratePercent);
  if (hundredths === null) throw new RangeError(`rate must be >= 0 with at most 2 decimals, got ${ratePercent}`);
  // BigInt division truncates toward zero, which is exactly the rounding wanted for both signs.
  const result = Number((BigInt(amount) * hundredths) / 10_000n);
  return result === 0 ? 0 : result;
}

export function sumWon(values: readonly Won[]): Won {
  let sum = 0;
  for (const v of values) {
    assertWon(v, 'sumWon value');
    sum += v;
  }
  assertWon(sum, 'sumWon result');
  return sum;
}

/** "12,000원", "-3,500원". Grouping is done by hand so output does not depend on the ICU build. */
export function formatWon(n: Won): string {
  assertWon(n, 'formatWon amount');
  const digits = String(Math.abs(n));
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${n < 0 ? '-' : ''}${grouped}원`;
}
