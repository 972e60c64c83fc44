import { Alert, Button, Center, Code, Group, Loader, Modal, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import type { WebhookMessageDetail } from '../../../../../contracts/webhooks';
import { errorMessage } from '../../../app/api/client';
import { formatSeoulDateTime } from '../../../app/format';
import { useToast } from '../../../app/toast';
import { useRedeliverWebhookMessage, useWebhookMessage } from '../api/messages';
import { useWebhooksI18n } from '../i18n';
import { MessageStatusBadge } from './message-status-badge';

/** The order number the payload carries (`data.order.number`), if it is an order's event. */
function orderNumberOf(payload: Record<string, unknown>): string | null {
  const data = payload.data;
  if (typeof data !== 'object' || data === null) return null;
  const order = (data as Record<string, unknown>).order;
  if (typeof order !== 'object' || order === null) return null;
  const number = (order as Record<string, unknown>).number;
  return typeof number === 'string' ? number : null;
}

/** A message's detail: what was sent, each attempt, and 다시 보내기 with its result. */
export function MessageDetailModal({ messageId, onClose }: { messageId: number; onClose: () => void }) {
  const { w, t } = useWebhooksI18n();
  const query = useWebhookMessage(messageId);
  return (
    <Modal opened onClose={onClose} title={w.detail.title} size="xl" closeButtonProps={{ 'aria-label': t.common.close }}>
      {query.isPending ? (
        <Center py="xl">
          <Loader aria-label={w.messages.loading} />
        </Center>
      ) : query.isError ? (
        <Alert color="red" role="alert" title={errorMessage(query.error)} />
      ) : (
        <MessageDetail message={query.data} />
      )}
    </Modal>
  );
}

function MessageDetail({ message }: { message: WebhookMessageDetail }) {
  const { w } = useWebhooksI18n();
  const toast = useToast();
  const redeliver = useRedeliverWebhookMessage();
  const orderNumber = orderNumberOf(message.payload);
  const send = () =>
    redeliver.mutate(message.id, {
      onSuccess: (next) => toast.success(w.detail.redelivered(w.messages.status[next.status])),
      onError: (error) => toast.error(errorMessage(error)),
    });
  return (
    <Stack gap="sm">
      <SimpleGrid cols={2} spacing="xs">
        <Field label="webhook-id" value={<Code>{message.messageId}</Code>} />
        <Field label={w.messages.columns.eventType} value={<Code>{message.eventType}</Code>} />
        <Field label={w.messages.columns.time} value={formatSeoulDateTime(message.createdAt)} />
        <Field label={w.messages.columns.status} value={<MessageStatusBadge status={message.status} />} />
        {orderNumber && <Field label={w.detail.orderNumber} value={<span data-testid="webhook-order-number">{orderNumber}</span>} />}
        {message.nextAttemptAt && <Field label={w.detail.nextAttempt} value={formatSeoulDateTime(message.nextAttemptAt)} />}
      </SimpleGrid>
      <Text fw={600} size="sm">
        {w.detail.attempts}
      </Text>
      {message.attemptLog.length === 0 ? (
        <Text size="sm" c="dimmed">
          {w.detail.noAttempts}
        </Text>
      ) : (
        <AttemptTable message={message} />
      )}
      <Group justify="flex-end">
        <Button onClick={send} loading={redeliver.isPending}>
          {w.detail.redeliver}
        </Button>
      </Group>
    </Stack>
  );
}

function Field({ label, value }: { label: string; value: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" component="div">
        {value}
      </Text>
    </div>
  );
}

function AttemptTable({ message }: { message: WebhookMessageDetail }) {
  const { w } = useWebhooksI18n();
  const c = w.detail.columns;
  // newest first, like the log
  const attempts = [...message.attemptLog].sort((a, b) => b.attemptedAt.localeCompare(a.attemptedAt) || b.id - a.id);
  return (
    <Table withTableBorder aria-label={w.detail.attempts} fz="sm">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{c.time}</Table.Th>
          <Table.Th ta="right">{c.statusCode}</Table.Th>
          <Table.Th ta="right">{c.duration}</Table.Th>
          <Table.Th>{c.error}</Table.Th>
          <Table.Th>{c.response}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {attempts.map((attempt) => (
          <Table.Tr key={attempt.id}>
            <Table.Td>
              {formatSeoulDateTime(attempt.attemptedAt)}
              {attempt.requestedBy !== null && (
                <Text size="xs" c="dimmed">
                  {w.detail.byStaff}
                </Text>
              )}
            </Table.Td>
            <Table.Td ta="right">{attempt.statusCode ?? '—'}</Table.Td>
            <Table.Td ta="right">{w.detail.ms(attempt.durationMs)}</Table.Td>
            <Table.Td>{attempt.error ?? ''}</Table.Td>
            <Table.Td maw={280}>
              <Text size="xs" ff="monospace" style={{ wordBreak: 'break-all' }} lineClamp={4}>
                {attempt.responseExcerpt ?? ''}
              </Text>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
