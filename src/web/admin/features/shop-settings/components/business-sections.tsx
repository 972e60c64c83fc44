import { NumberInput, SimpleGrid, TextInput } from '@mantine/core';
import { useState, type ChangeEvent } from 'react';
import type { ShopSettings, UpdateShopSettingsRequest } from '../../../../../contracts/settings';
import { useToast } from '../../../app/toast';
import { useUpdateShopSettings } from '../api/settings';
import { useShopSettingsI18n } from '../i18n';
import { SectionForm } from './section-form';

/** Saves one section; the toast names it. */
function useSaveSection(title: string) {
  const { s } = useShopSettingsI18n();
  const toast = useToast();
  const update = useUpdateShopSettings();
  const save = (body: UpdateShopSettingsRequest) => update.mutate(body, { onSuccess: () => toast.success(s.saved(title)) });
  return { save, pending: update.isPending, error: update.error };
}

const text = (value: string | null) => value ?? '';

/** 사업자 정보: 쇼핑몰 이름, 상호, 대표자, 사업자등록번호, 통신판매업 신고번호, 사업장 주소. */
export function BusinessSection({ settings, canEdit }: { settings: ShopSettings; canEdit: boolean }) {
  const { s } = useShopSettingsI18n();
  const b = settings.business;
  const [form, setForm] = useState({
    name: b.name,
    businessName: text(b.businessName),
    representativeName: text(b.representativeName),
    businessNumber: text(b.businessNumber),
    mailOrderNumber: text(b.mailOrderNumber),
    businessAddress: text(b.businessAddress),
  });
  const { save, pending, error } = useSaveSection(s.business.title);
  const field = (key: keyof typeof form) => ({ value: form[key], onChange: (e: ChangeEvent<HTMLInputElement>) => setForm({ ...form, [key]: e.currentTarget.value }) });
  return (
    <SectionForm id="shop-business" title={s.business.title} hint={s.business.hint} canEdit={canEdit} pending={pending} error={error} onSubmit={() => save({ business: form })}>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <TextInput label={s.business.name} required {...field('name')} />
        <TextInput label={s.business.businessName} {...field('businessName')} />
        <TextInput label={s.business.representativeName} {...field('representativeName')} />
        <TextInput label={s.business.businessNumber} placeholder={s.business.businessNumberPlaceholder} inputMode="numeric" {...field('businessNumber')} />
        <TextInput label={s.business.mailOrderNumber} placeholder={s.business.mailOrderNumberPlaceholder} {...field('mailOrderNumber')} />
      </SimpleGrid>
      <TextInput label={s.business.businessAddress} {...field('businessAddress')} />
    </SectionForm>
  );
}

/** 고객센터: phone and e-mail, shown to buyers on My Page and on the print sheets. */
export function CustomerServiceSection({ settings, canEdit }: { settings: ShopSettings; canEdit: boolean }) {
  const { s } = useShopSettingsI18n();
  const [phone, setPhone] = useState(text(settings.customerService.phone));
  const [email, setEmail] = useState(text(settings.customerService.email));
  const { save, pending, error } = useSaveSection(s.customerService.title);
  return (
    <SectionForm id="shop-cs" title={s.customerService.title} canEdit={canEdit} pending={pending} error={error} onSubmit={() => save({ customerService: { phone, email } })}>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <TextInput label={s.customerService.phone} placeholder={s.customerService.phonePlaceholder} type="tel" value={phone} onChange={(e) => setPhone(e.currentTarget.value)} />
        <TextInput label={s.customerService.email} type="email" value={email} onChange={(e) => setEmail(e.currentTarget.value)} />
      </SimpleGrid>
    </SectionForm>
  );
}

/** 주문번호 접두어. */
export function OrderPrefixSection({ settings, canEdit }: { settings: ShopSettings; canEdit: boolean }) {
  const { s } = useShopSettingsI18n();
  const [prefix, setPrefix] = useState(settings.orderNumberPrefix);
  const { save, pending, error } = useSaveSection(s.orderPrefix.title);
  return (
    <SectionForm id="shop-prefix" title={s.orderPrefix.title} canEdit={canEdit} pending={pending} error={error} onSubmit={() => save({ orderNumberPrefix: prefix })}>
      <TextInput label={s.orderPrefix.label} description={s.orderPrefix.hint} maxLength={10} value={prefix} onChange={(e) => setPrefix(e.currentTarget.value)} />
    </SectionForm>
  );
}

/** 환불 한도 (직원): the per-refund ceiling of staff and API keys. */
export function RefundLimitSection({ settings, canEdit }: { settings: ShopSettings; canEdit: boolean }) {
  const { s } = useShopSettingsI18n();
  const [limit, setLimit] = useState<number | string>(settings.staffRefundLimit);
  const { save, pending, error } = useSaveSection(s.refundLimit.title);
  return (
    <SectionForm id="shop-refund-limit" title={s.refundLimit.title} canEdit={canEdit} pending={pending} error={error} onSubmit={() => save({ staffRefundLimit: Number(limit) || 0 })}>
      <NumberInput label={s.refundLimit.label} description={s.refundLimit.hint} min={0} step={10000} thousandSeparator="," allowDecimal={false} allowNegative={false} value={limit} onChange={setLimit} />
    </SectionForm>
  );
}
