import { Anchor, Stack, Text } from '@mantine/core';
import type { MyOrderDetail } from '../../../../../contracts/my';
import { useI18n } from '../../../app/i18n';
import { Section } from './section';

/** 고객센터: the shop's phone (a tel: link, one tap on a phone) and e-mail; then its 사업자 정보, as a Korean shop's footer carries it. */
export function ShopContact({ shop }: { shop: MyOrderDetail['shop'] }) {
  const { t } = useI18n();
  return (
    <Section title={`${t.detail.contact} · ${shop.name}`}>
      <Stack gap={4}>
        {shop.csPhone && (
          <Text size="sm">
            {t.detail.contactPhone}{' '}
            <Anchor href={`tel:${shop.csPhone.replace(/[^\d+]/g, '')}`} fw={600}>
              {shop.csPhone}
            </Anchor>
          </Text>
        )}
        {shop.csEmail && (
          <Text size="sm">
            {t.detail.contactEmail}{' '}
            <Anchor href={`mailto:${shop.csEmail}`} fw={600}>
              {shop.csEmail}
            </Anchor>
          </Text>
        )}
        {!shop.csPhone && !shop.csEmail && (
          <Text size="sm" c="dimmed">
            {t.detail.noContact}
          </Text>
        )}
        <BusinessDetails business={shop.business} />
      </Stack>
    </Section>
  );
}

const BUSINESS_FIELDS = ['businessName', 'representativeName', 'businessNumber', 'mailOrderNumber', 'businessAddress'] as const;

/** 상호 · 대표자 · 사업자등록번호 · 통신판매업 신고번호 · 주소, in small print; only the ones the shop set. */
function BusinessDetails({ business }: { business: MyOrderDetail['shop']['business'] }) {
  const { t } = useI18n();
  const set = BUSINESS_FIELDS.flatMap((field) => (business[field] ? [[field, business[field]] as const] : []));
  if (set.length === 0) return null;
  return (
    <Text size="xs" c="dimmed" mt="xs" data-testid="shop-business">
      {set.map(([field, value]) => `${t.detail.business[field]} ${value}`).join(' · ')}
    </Text>
  );
}
