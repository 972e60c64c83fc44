import { useI18n } from '../../../app/i18n';
import { webhooksEn } from './en';
import { webhooksKo, type WebhooksDictionary } from './ko';

export type { WebhooksDictionary };

const WEBHOOKS: Record<'ko' | 'en', WebhooksDictionary> = { ko: webhooksKo, en: webhooksEn };

/** The app's language hook plus these screens' own words: `t` (shared), `w` (webhooks). */
export function useWebhooksI18n() {
  const { lang, t } = useI18n();
  return { lang, t, w: WEBHOOKS[lang] };
}
