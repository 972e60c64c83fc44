import { Alert, Center, Loader, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { errorMessage } from '../../../app/api/client';
import { useMe } from '../../auth/api/me';
import { may } from '../../auth/model/permissions';
import { useShopSettings } from '../api/settings';
import { useShopSettingsI18n } from '../i18n';
import { BankAccountsSection } from './bank-accounts-section';
import { BusinessSection, CustomerServiceSection, OrderPrefixSection, RefundLimitSection } from './business-sections';
import { GatewaySection } from './gateway-section';
import { HandoffSection } from './handoff-section';

/** 쇼핑몰 설정: everyone reads; managers and owners change; the gateway and hand-off secret are the owner's. */
export function ShopSettingsPage() {
  const { s } = useShopSettingsI18n();
  const me = useMe();
  const query = useShopSettings();
  const canEdit = may(me.data, 'settings.edit');
  const canManageGateway = may(me.data, 'gateway.manage');
  return (
    <Stack gap="md" maw={960}>
      <Title order={1} size="h3">
        {s.title}
      </Title>
      <Text size="sm" c="dimmed">
        {s.hint}
      </Text>
      {!canEdit && <Alert color="gray" title={s.readOnly} />}
      {query.isPending ? (
        <Center py="xl">
          <Loader aria-label={s.loading} />
        </Center>
      ) : query.isError ? (
        <Alert color="red" role="alert" title={errorMessage(query.error)} />
      ) : (
        <>
          <BusinessSection settings={query.data} canEdit={canEdit} />
          <CustomerServiceSection settings={query.data} canEdit={canEdit} />
          <BankAccountsSection settings={query.data} canEdit={canEdit} />
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
            <OrderPrefixSection settings={query.data} canEdit={canEdit} />
            <RefundLimitSection settings={query.data} canEdit={canEdit} />
          </SimpleGrid>
          {canEdit && <GatewaySection settings={query.data} canEdit={canManageGateway} />}
          {canEdit && <HandoffSection settings={query.data} canEdit={canManageGateway} />}
        </>
      )}
    </Stack>
  );
}
