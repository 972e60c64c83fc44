import { Anchor, Group } from '@mantine/core';
import { Link } from '../../../app/router';
import { useNotificationsI18n } from '../i18n';
import { buyerMessageHref } from './paths';
import { useResendWithToast } from './use-resend';

/** The message a buyer_message_* timeline event is about (a skipped one has none: nothing was made). */
export function timelineMessageId(type: string, payload: Record<string, unknown>): number | null {
  if (!type.startsWith('buyer_message_')) return null;
  return typeof payload.messageId === 'number' ? payload.messageId : null;
}

/** Under a buyer-message event in the order's timeline: 메시지 보기, and 다시 보내기 for those who may change orders. */
export function TimelineMessageActions({ messageId, readOnly }: { messageId: number; readOnly: boolean }) {
  const { n } = useNotificationsI18n();
  const { resend, pending } = useResendWithToast();
  return (
    <Group gap="xs">
      <Anchor component={Link} to={buyerMessageHref(messageId)} size="xs">
        {n.timeline.view}
      </Anchor>
      {!readOnly && (
        // a link-sized action beside 메시지 보기: a button would outweigh the line it belongs to
        <Anchor component="button" type="button" size="xs" onClick={() => resend(messageId)} disabled={pending} aria-busy={pending}>
          {n.timeline.resend}
        </Anchor>
      )}
    </Group>
  );
}
