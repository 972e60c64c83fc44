import { Alert, Group, Loader, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import type { BuyerMoment, MessageChannel } from '../../../../../domain/buyer-message-moments';
import { errorMessage } from '../../../app/api/client';
import { useTemplatePreview, type PreviewInput } from '../api/templates';
import { useNotificationsI18n } from '../i18n';
import { MessageView } from './message-view';

/**
 * 미리보기: the text being written, filled by the server with a real order (the newest, or the one
 * named), drawn as the buyer will see it. Asked again once typing pauses.
 */
export function TemplatePreviewPanel(props: { moment: BuyerMoment; channel: MessageChannel; subject: string | null; body: string }) {
  const { n } = useNotificationsI18n();
  const [orderNumber, setOrderNumber] = useState('');
  // debounced as one string: an object would be new at every render and never settle
  const [debounced] = useDebouncedValue(JSON.stringify({ moment: props.moment, channel: props.channel, subject: props.subject, body: props.body, orderNumber }), 400);
  const preview = useTemplatePreview(JSON.parse(debounced) as PreviewInput);
  return (
    <Stack gap="xs" component="section" aria-label={n.preview.title} data-testid="template-preview">
      <Group justify="space-between" align="flex-end" gap="xs">
        <Text fw={600}>{n.preview.title}</Text>
        {preview.isFetching && <Loader size="xs" aria-label={n.preview.loading} />}
      </Group>
      <TextInput label={n.preview.orderNumber} value={orderNumber} onChange={(e) => setOrderNumber(e.currentTarget.value)} size="xs" maw={260} />
      {!props.body.trim() ? (
        <Text size="sm" c="dimmed">
          {n.preview.empty}
        </Text>
      ) : preview.isError ? (
        <Alert color="red" role="alert" title={errorMessage(preview.error)} />
      ) : preview.data ? (
        <>
          <Text size="xs" c="dimmed">
            {preview.data.orderNumber ? n.preview.filledWith(preview.data.orderNumber) : n.preview.noOrder}
          </Text>
          <MessageView message={{ channel: props.channel, subject: preview.data.subject, text: preview.data.text, html: preview.data.html, smsKind: preview.data.smsKind }} />
        </>
      ) : (
        <Loader size="sm" aria-label={n.preview.loading} />
      )}
    </Stack>
  );
}
