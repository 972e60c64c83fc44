import type { MyChangeResult } from '../../../../../contracts/my';
import type { Dictionary } from '../../../app/i18n';

/** The toast after a change: what was asked, where the units now stand, and a refund it started. */
export function changeToast(t: Dictionary, kind: 'cancel' | 'return' | 'exchange' | 'confirm', result: MyChangeResult, won: (n: number) => string): string {
  const said = t.toast[kind](result.statusLabel);
  return result.refund ? `${said} · ${t.toast.refund(won(result.refund.amount), result.refund.statusLabel)}` : said;
}
