import { Alert, Badge, Button, Center, Code, EmptyState, Group, Loader, Modal, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { ApiKey } from '../../../../../contracts/api-keys';
import { errorMessage } from '../../../app/api/client';
import { formatSeoulDateTime } from '../../../app/format';
import { useToast } from '../../../app/toast';
import { useApiKeys } from '../api/api-keys';
import { useRevokeApiKey } from '../api/revoke-key';
import { useApiKeysI18n } from '../i18n';
import { CreateKeyModal } from './create-key-modal';

/** API 키 (/settings/api-keys, owners): the shop's keys with their scopes and last use; make and revoke. */
export function ApiKeysPage() {
  const { k } = useApiKeysI18n();
  const query = useApiKeys();
  const [creating, setCreating] = useState(false);
  const [revoking, setRevoking] = useState<ApiKey | null>(null);
  const keys = query.data?.keys ?? [];
  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Title order={1} size="h3">
          {k.title}
        </Title>
        <Button onClick={() => setCreating(true)}>{k.add}</Button>
      </Group>
      <Text size="sm" c="dimmed">
        {k.hint}
      </Text>
      {query.isPending ? (
        <Center py="xl">
          <Loader aria-label={k.loading} />
        </Center>
      ) : query.isError ? (
        <Alert color="red" role="alert" title={errorMessage(query.error)} />
      ) : keys.length === 0 ? (
        <EmptyState title={k.empty} py="xl" role="status" />
      ) : (
        <KeyTable keys={keys} onRevoke={setRevoking} />
      )}
      {creating && <CreateKeyModal onClose={() => setCreating(false)} />}
      {revoking && <RevokeModal apiKey={revoking} onClose={() => setRevoking(null)} />}
    </Stack>
  );
}

function KeyTable({ keys, onRevoke }: { keys: ApiKey[]; onRevoke: (key: ApiKey) => void }) {
  const { k } = useApiKeysI18n();
  return (
    <Table withTableBorder aria-label={k.title} verticalSpacing="sm">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{k.columns.name}</Table.Th>
          <Table.Th>{k.columns.scopes}</Table.Th>
          <Table.Th>{k.columns.created}</Table.Th>
          <Table.Th>{k.columns.lastUsed}</Table.Th>
          <Table.Th>{k.columns.state}</Table.Th>
          <Table.Th aria-label={k.revoke} />
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {keys.map((key) => (
          <Table.Tr key={key.id} c={key.revokedAt ? 'dimmed' : undefined}>
            <Table.Td>
              <Text size="sm" fw={500}>
                {key.name}
              </Text>
              <Code>{key.prefix}</Code>
            </Table.Td>
            <Table.Td>
              <Group gap={4}>
                {key.scopes.map((scope) => (
                  <Badge key={scope} variant="light" tt="none" title={k.scopeAllows[scope]}>
                    {k.scopeLabels[scope]}
                  </Badge>
                ))}
              </Group>
            </Table.Td>
            <Table.Td>
              <Text size="sm">{formatSeoulDateTime(key.createdAt)}</Text>
              <Text size="xs" c="dimmed">
                {k.createdBy(key.createdBy?.name ?? null)}
              </Text>
            </Table.Td>
            <Table.Td>
              <Text size="sm">{key.lastUsedAt ? formatSeoulDateTime(key.lastUsedAt) : k.never}</Text>
            </Table.Td>
            <Table.Td>
              {key.revokedAt ? (
                <Text size="sm">{k.revokedAt(formatSeoulDateTime(key.revokedAt), key.revokedBy?.name ?? null)}</Text>
              ) : (
                <Badge color="green" variant="light" tt="none">
                  {k.live}
                </Badge>
              )}
            </Table.Td>
            <Table.Td>
              {!key.revokedAt && (
                <Button size="xs" variant="subtle" color="red" onClick={() => onRevoke(key)} aria-label={`${k.revoke}: ${key.name}`}>
                  {k.revoke}
                </Button>
              )}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function RevokeModal({ apiKey, onClose }: { apiKey: ApiKey; onClose: () => void }) {
  const { k, t } = useApiKeysI18n();
  const toast = useToast();
  const revoke = useRevokeApiKey();
  const confirm = () => revoke.mutate(apiKey.id, { onSuccess: () => (toast.success(k.revoked), onClose()), onError: (e) => toast.error(errorMessage(e)) });
  return (
    <Modal opened onClose={onClose} title={k.revokeTitle} closeButtonProps={{ 'aria-label': t.common.close }}>
      <Stack gap="sm">
        <Text size="sm">{k.revokeConfirm(apiKey.name)}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {k.cancel}
          </Button>
          <Button color="red" onClick={confirm} loading={revoke.isPending}>
            {k.revoke}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
