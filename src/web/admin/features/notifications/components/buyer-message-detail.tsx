import { Alert, Anchor, Button, Center, Group, Loader, Modal, SimpleGrid, Stack, Text } from '@mantine/core';
import type { BuyerMessageDetail } from '../../../../../contracts/notifications';
import { errorMessage } from '../../../app/api/client';
import { DeliveryAttemptTable, DetailField } from '../../../app/components/delivery-attempts';
import { formatSeoulDateTime } from '../../../app/format';
import { Link } from '../../../app/router';
import { useMe } from '../../auth/api/me';
import { useBuyerMessage } from '../api/buyer-messages';
import { useNotificationsI18n } from '../i18n';
import { BuyerMessageStatusBadge } from './message-status-badge';
import { MessageView } from './message-view';
import { useResendWithToast } from './use-resend';

/** One message as the buyer received it (the preview's renderers), its attempts, and 다시 보내기. */
export function BuyerMessageDetailModal({ messageId, onClose, onOpen }: { messageId: number; onClose: () => void; onOpen: (id: number) => void }) {
  const { n, t } = useNotificationsI18n();
  const query = useBuyerMessage(messageId);
  return (
    <Modal opened onClose={onClose} title={n.detail.title} size="xl" closeButtonProps={{ 'aria-label': t.common.close }}>
      {query.isPending ? (
        <Center py="xl">
          <Loader aria-label={n.messages.loading} />
        </Center>
      ) : query.isError ? (
        <Alert color="red" role="alert" title={errorMessage(query.error)} />
      ) : (
        <Detail message={query.data} onOpen={onOpen} />
      )}
    </Modal>
  );
}

function Detail({ message, onOpen }: { message: BuyerMessageDetail; onOpen: (id: number) => void }) {
  const { n, momentLabel, channelLabel } = useNotificationsI18n();
  const me = useMe();
  const { resend, pending } = useResendWithToast();
  const canWrite = me.data !== undefined && me.data.staff.role !== 'viewer';
  return (
    <Stack gap="sm">
      {message.transport === 'development' && (
        <Alert color="yellow" role="note" title={n.detail.developmentBanner} data-testid="development-banner" />
      )}
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="xs">
        <DetailField label={n.messages.columns.moment} value={`${momentLabel(message.moment)} · ${channelLabel(message.channel)}`} />
        <DetailField label={n.messages.columns.status} value={<BuyerMessageStatusBadge message={message} />} />
        <DetailField label={n.detail.recipient} value={<span style={{ wordBreak: 'break-all' }}>{message.recipient}</span>} />
        <DetailField label={n.messages.columns.time} value={formatSeoulDateTime(message.createdAt)} />
        {message.orderNumber && (
          <DetailField
            label={n.detail.orderNumber}
            value={
              message.orderId !== null ? (
                <Anchor component={Link} to={`/orders/${message.orderId}`} size="sm">
                  {message.orderNumber}
                </Anchor>
              ) : (
                message.orderNumber
              )
            }
          />
        )}
        {message.templateCode && <DetailField label={n.detail.templateCode} value={message.templateCode} />}
        {message.fallbackOf !== null && (
          <DetailField
            label={n.detail.fallbackOf}
            value={
              <Anchor component="button" type="button" size="sm" onClick={() => onOpen(message.fallbackOf ?? 0)}>
                {n.detail.openFallback(message.fallbackOf)}
              </Anchor>
            }
          />
        )}
        {message.lastError && <DetailField label={n.detail.lastError} value={message.lastError} />}
      </SimpleGrid>
      <div data-testid="buyer-message-view">
        <MessageView message={message} />
      </div>
      <Text fw={600} size="sm">
        {n.detail.attempts}
      </Text>
      {message.attemptLog.length === 0 ? (
        <Text size="sm" c="dimmed">
          {n.detail.noAttempts}
        </Text>
      ) : (
        <DeliveryAttemptTable attempts={message.attemptLog} labels={{ title: n.detail.attempts, ...n.detail.columns, byStaff: n.detail.byStaff }} />
      )}
      {canWrite && (
        <Group justify="flex-end">
          <Button onClick={() => resend(message.id)} loading={pending}>
            {n.detail.resend}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
