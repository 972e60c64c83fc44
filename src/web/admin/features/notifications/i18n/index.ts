import { CHANNEL_LABELS, MOMENT_LABELS, type BuyerMoment, type MessageChannel } from '../../../../../domain/buyer-message-moments';
import { useI18n } from '../../../app/i18n';
import { notificationsEn } from './en';
import { notificationsKo, type NotificationsDictionary } from './ko';

export type { NotificationsDictionary };

const NOTIFICATIONS: Record<'ko' | 'en', NotificationsDictionary> = { ko: notificationsKo, en: notificationsEn };

/**
 * The app's language hook plus these screens' own words: `t` (shared), `n` (notifications), and
 * the moment and channel names from the domain's one table (the server's descriptions read it too).
 */
export function useNotificationsI18n() {
  const { lang, t } = useI18n();
  return {
    lang,
    t,
    n: NOTIFICATIONS[lang],
    /** null: a test send from the settings screen (it belongs to no moment). */
    momentLabel: (moment: BuyerMoment | null) => (moment ? MOMENT_LABELS[moment][lang] : NOTIFICATIONS[lang].testSend.title),
    channelLabel: (channel: MessageChannel) => CHANNEL_LABELS[channel][lang],
  };
}
