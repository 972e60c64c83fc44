import { createI18n, type Lang } from '../../../shared/i18n';
import { en } from './en';
import { ko, type Dictionary } from './ko';

export type { Dictionary, Lang };

export const DICTIONARIES: Record<Lang, Dictionary> = { ko, en };

// apart from the admin's choice: a buyer and a staff member may share a browser
export const { I18nProvider, useI18n, getLang } = createI18n({ storageKey: 'jumun.my.lang', dictionaries: DICTIONARIES });
