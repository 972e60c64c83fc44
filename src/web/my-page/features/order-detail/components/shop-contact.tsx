import { Anchor, Stack, Text } from '@mantine/core';
import type { MyOrderDetail } from '../../../../../contracts/my';
import { useI18n } from '../../../app/i18n';
import { Section } from './section';

/** 고객센터: the shop's phone (a tel: link, one tap on a phone) and e-mail. */
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
      </Stack>
    </Section>
  );
}
