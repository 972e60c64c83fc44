import { Alert, Anchor, Badge, Button, Center, EmptyState, Group, Loader, Modal, Stack, Switch, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { WebhookEndpoint } from '../../../../../contracts/webhooks';
import { errorMessage } from '../../../app/api/client';
import { Link } from '../../../app/router';
import { useToast } from '../../../app/toast';
import { useDeleteWebhookEndpoint } from '../api/delete-endpoint';
import { useWebhookEndpoints } from '../api/endpoints';
import { useUpdateWebhookEndpoint } from '../api/save-endpoint';
import { useWebhooksI18n } from '../i18n';
import { EndpointFormModal } from './endpoint-form';
import { SecretModal } from './secret-modal';

export const webhookLogHref = (endpointId: number) => `/settings/webhooks/${endpointId}`;

type Dialog = { kind: 'add' } | { kind: 'edit' | 'delete' | 'secret'; endpoint: WebhookEndpoint } | null;

/** 웹훅: the shop's endpoints, with add, edit, delete, the enabled switch and the secret. */
export function WebhooksPage() {
  const { w } = useWebhooksI18n();
  const query = useWebhookEndpoints();
  const [dialog, setDialog] = useState<Dialog>(null);
  const close = () => setDialog(null);
  const endpoints = query.data?.endpoints ?? [];
  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Title order={1} size="h3">
          {w.title}
        </Title>
        <Button onClick={() => setDialog({ kind: 'add' })}>{w.add}</Button>
      </Group>
      <Text size="sm" c="dimmed">
        {w.hint}
      </Text>
      {query.isPending ? (
        <Center py="xl">
          <Loader aria-label={w.loading} />
        </Center>
      ) : query.isError ? (
        <Alert color="red" role="alert" title={errorMessage(query.error)} />
      ) : endpoints.length === 0 ? (
        <EmptyState title={w.empty} py="xl" role="status" />
      ) : (
        <EndpointTable endpoints={endpoints} open={setDialog} />
      )}
      {dialog?.kind === 'add' && <EndpointFormModal endpoint={null} onClose={close} />}
      {dialog?.kind === 'edit' && <EndpointFormModal endpoint={dialog.endpoint} onClose={close} />}
      {dialog?.kind === 'secret' && <SecretModal endpoint={dialog.endpoint} onClose={close} />}
      {dialog?.kind === 'delete' && <DeleteModal endpoint={dialog.endpoint} onClose={close} />}
    </Stack>
  );
}

function EndpointTable({ endpoints, open }: { endpoints: WebhookEndpoint[]; open: (dialog: Dialog) => void }) {
  const { w } = useWebhooksI18n();
  const toast = useToast();
  const update = useUpdateWebhookEndpoint();
  const setEnabled = (endpoint: WebhookEndpoint, enabled: boolean) =>
    update.mutate({ endpointId: endpoint.id, body: { enabled } }, { onSuccess: () => toast.success(w.saved), onError: (e) => toast.error(errorMessage(e)) });
  return (
    <Table withTableBorder aria-label={w.title} verticalSpacing="sm">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{w.columns.url}</Table.Th>
          <Table.Th>{w.columns.eventTypes}</Table.Th>
          <Table.Th>{w.columns.enabled}</Table.Th>
          <Table.Th>{w.columns.actions}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {endpoints.map((endpoint) => (
          <Table.Tr key={endpoint.id}>
            <Table.Td maw={360}>
              <Anchor component={Link} to={webhookLogHref(endpoint.id)} size="sm" fw={500} aria-label={w.openLog(endpoint.url)} style={{ wordBreak: 'break-all' }}>
                {endpoint.url}
              </Anchor>
              {endpoint.description && (
                <Text size="xs" c="dimmed">
                  {endpoint.description}
                </Text>
              )}
            </Table.Td>
            <Table.Td>
              <Group gap={4}>
                {endpoint.eventTypes.map((type) => (
                  <Badge key={type} variant="light" tt="none" title={w.eventNames[type]}>
                    {type}
                  </Badge>
                ))}
              </Group>
            </Table.Td>
            <Table.Td>
              <Switch checked={endpoint.enabled} onChange={(e) => setEnabled(endpoint, e.currentTarget.checked)} aria-label={w.enabledLabel(endpoint.url)} />
            </Table.Td>
            <Table.Td>
              <Group gap={4} wrap="nowrap">
                <Button size="xs" variant="default" component={Link} to={webhookLogHref(endpoint.id)}>
                  {w.log}
                </Button>
                <Button size="xs" variant="default" onClick={() => open({ kind: 'secret', endpoint })}>
                  {w.showSecret}
                </Button>
                <Button size="xs" variant="default" onClick={() => open({ kind: 'edit', endpoint })}>
                  {w.edit}
                </Button>
                <Button size="xs" variant="subtle" color="red" onClick={() => open({ kind: 'delete', endpoint })}>
                  {w.delete}
                </Button>
              </Group>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function DeleteModal({ endpoint, onClose }: { endpoint: WebhookEndpoint; onClose: () => void }) {
  const { w, t } = useWebhooksI18n();
  const toast = useToast();
  const remove = useDeleteWebhookEndpoint();
  const confirm = () => remove.mutate(endpoint.id, { onSuccess: () => (toast.success(w.deleted), onClose()), onError: (e) => toast.error(errorMessage(e)) });
  return (
    <Modal opened onClose={onClose} title={w.deleteTitle} closeButtonProps={{ 'aria-label': t.common.close }}>
      <Stack gap="sm">
        <Text size="sm">{w.deleteConfirm(endpoint.url)}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {w.cancel}
          </Button>
          <Button color="red" onClick={confirm} loading={remove.isPending}>
            {w.delete}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
