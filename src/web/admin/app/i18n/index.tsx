import type { PAYMENT_METHODS } from '../../../../contracts/common';
import type { UNIT_STATUS_VALUES } from '../../../../contracts/fulfillment';
import type { ORDER_STATUS_VALUES, PAYMENT_STATUS_VALUES, PERIOD_FIELDS } from '../../../../contracts/order-filter';
import { createI18n, type Lang } from '../../../shared/i18n';
import { en } from './en';
import { ko, type Dictionary } from './ko';

export type { Dictionary, Lang };

export const DICTIONARIES: Record<Lang, Dictionary> = { ko, en };

// The status and method tables must name exactly the values the API uses.
type Labels<T extends readonly string[]> = Record<T[number], string>;
({
  unitStatus: ko.unitStatus,
  orderStatus: ko.orderStatus,
  paymentStatus: ko.paymentStatus,
  paymentMethod: ko.paymentMethod,
  periodFields: ko.filters.periodFields,
}) satisfies {
  unitStatus: Labels<typeof UNIT_STATUS_VALUES>;
  orderStatus: Labels<typeof ORDER_STATUS_VALUES>;
  paymentStatus: Labels<typeof PAYMENT_STATUS_VALUES>;
  paymentMethod: Labels<typeof PAYMENT_METHODS>;
  periodFields: Labels<typeof PERIOD_FIELDS>;
};

// the admin's own key: My Page keeps a buyer's choice apart ('jumun.my.lang')
export const { I18nProvider, useI18n, getLang } = createI18n({ storageKey: 'jumun.lang', dictionaries: DICTIONARIES });
