/**
 * Shipping fees: a base fee per order (free above a threshold) plus a surcharge for every address
 * in Jeju or on a remote island (도서산간), the surcharge being charged even when shipping is free
 * because the courier charges the shop for it regardless.
 */
import { isWon, type Won } from './money';

export interface ShippingPolicy {
  baseFee: Won;
  /** items amount at or above which the base fee is waived; null: never free */
  freeThreshold: Won | null;
  jejuFee: Won;
  islandFee: Won;
}

export type RemoteArea = 'jeju' | 'island' | null;

/** 제주특별자치도: the whole 63xxx block up to 63644. */
const JEJU: readonly [number, number] = [63000, 63644];

/**
 * A SAMPLE of well-known 도서산간 (remote island) postcode ranges, inclusive. The ranges are
 * approximate and incomplete: each courier publishes its own list, and a shop is expected to
 * replace this table with the list its courier bills by.
 */
export const SAMPLE_ISLAND_POSTCODE_RANGES: ReadonlyArray<{ from: number; to: number; area: string }> = [
  { from: 40200, to: 40240, area: '경북 울릉군 (울릉도·독도)' },
  { from: 23004, to: 23010, area: '인천 옹진군 (섬 지역)' },
  { from: 23100, to: 23116, area: '인천 옹진군 (섬 지역)' },
  { from: 23124, to: 23136, area: '인천 옹진군 (섬 지역)' },
  { from: 58800, to: 58866, area: '전남 신안군 (섬 지역, 근사값)' },
  { from: 58953, to: 58958, area: '전남 진도군 조도면' },
  { from: 53031, to: 53033, area: '경남 통영시 (욕지·한산 등)' },
  { from: 53089, to: 53104, area: '경남 통영시 (욕지·한산 등)' },
];

/** Which surcharge area a 5-digit Korean postcode (국가기초구역번호) is in; anything else → null. */
export function remoteAreaOf(postcode: string): RemoteArea {
  const trimmed = postcode.trim();
  if (!/^\d{5}$/.test(trimmed)) return null;
  const code = Number(trimmed);
  if (code >= JEJU[0] && code <= JEJU[1]) return 'jeju';
  return SAMPLE_ISLAND_POSTCODE_RANGES.some((r) => code >= r.from && code <= r.to) ? 'island' : null;
}

export interface ShippingFee {
  base: Won;
  remote: Won;
  total: Won;
}

/**
 * `postcodes` holds one entry per shipping address that carries items. The base fee is charged
 * once per order however many addresses there are; it is waived at or above the free threshold,
 * and when there is nothing to pay for (items amount 0). Remote surcharges are per address.
 */
export function shippingFeeFor(policy: ShippingPolicy, input: { itemsAmount: Won; postcodes: readonly string[] }): ShippingFee {
  const fields = [['baseFee', policy.baseFee], ['freeThreshold', policy.freeThreshold], ['jejuFee', policy.jejuFee], ['islandFee', policy.islandFee]] as const;
  for (const [name, v] of fields) {
    if (v !== null && (!isWon(v) || v < 0)) throw new RangeError(`shipping policy ${name} must be won >= 0, got ${String(v)}`);
  }
  if (!isWon(input.itemsAmount) || input.itemsAmount < 0) throw new RangeError(`items amount must be won >= 0, got ${input.itemsAmount}`);

  const free = input.itemsAmount === 0 || (policy.freeThreshold !== null && input.itemsAmount >= policy.freeThreshold);
  const base = free ? 0 : policy.baseFee;
  let remote = 0;
  for (const postcode of input.postcodes) {
    const area = remoteAreaOf(postcode);
    if (area === 'jeju') remote += policy.jejuFee;
    else if (area === 'island') remote += policy.islandFee;
  }
  return { base, remote, total: base + remote };
}
