import { formatNumber as sharedFormatNumber } from '../../shared/format';
import type { Dictionary } from './i18n';

export { formatSeoulDateTime } from '../../shared/format';
export const formatNumber = sharedFormatNumber;

/** Integer won with thousands separators: 12,000원 (₩12,000 in English). */
export const formatWon = (t: Dictionary, amount: number) => (amount < 0 ? `-${t.common.won(sharedFormatNumber(-amount))}` : t.common.won(sharedFormatNumber(amount)));
