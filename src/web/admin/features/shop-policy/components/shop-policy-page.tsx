import { Alert, Center, Loader, Stack, Text, Title } from '@mantine/core';
import { errorMessage } from '../../../app/api/client';
import { useMe } from '../../auth/api/me';
import { may } from '../../auth/model/permissions';
import { useShopPolicy } from '../api/policy';
import { useShopPolicyI18n } from '../i18n';
import { PolicyEditor } from './policy-editor';

/** 배송·반품 정책: what new orders are charged and allowed; orders already placed keep theirs. */
export function ShopPolicyPage() {
  const { p } = useShopPolicyI18n();
  const me = useMe();
  const query = useShopPolicy();
  const canEdit = may(me.data, 'settings.edit');
  return (
    <Stack gap="md" maw={960}>
      <Title order={1} size="h3">
        {p.title}
      </Title>
      <Text size="sm" c="dimmed">
        {p.hint}
      </Text>
      {!canEdit && <Alert color="gray" title={p.readOnly} />}
      {query.isPending ? (
        <Center py="xl">
          <Loader aria-label={p.loading} />
        </Center>
      ) : query.isError ? (
        <Alert color="red" role="alert" title={errorMessage(query.error)} />
      ) : (
        // keyed by version: after a save the form starts again from what now applies
        <PolicyEditor key={query.data.id} version={query.data} canEdit={canEdit} />
      )}
    </Stack>
  );
}
