import { formatSeoulDate, formatSeoulDateTime, formatWonIn } from '../../shared/format';
import { useI18n } from './i18n';

/** Money and times in the screen's language: 12,000원 / ₩12,000, Asia/Seoul wall time. */
export function useFormat() {
  const { lang } = useI18n();
  return {
    won: (amount: number) => formatWonIn(lang, amount),
    dateTime: formatSeoulDateTime,
    date: formatSeoulDate,
  };
}
