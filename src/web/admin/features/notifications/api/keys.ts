import type { BuyerMoment, MessageChannel } from '../../../../../domain/buyer-message-moments';

/** The buyer-message filters the list is asked with (the server's query, minus the cursor). */
export interface BuyerMessageFilter {
  orderNumber?: string;
  channel?: MessageChannel;
  status?: 'pending' | 'delivered' | 'failed';
  transport?: 'development' | 'smtp' | 'solapi';
}

/** React Query keys of the notification screens. */
export const notificationKeys = {
  settings: ['notification-settings'] as const,
  templates: ['notification-templates'] as const,
  preview: (input: { moment: BuyerMoment; channel: MessageChannel; subject: string | null; body: string; orderNumber: string }) => ['notification-templates', 'preview', input] as const,
  messages: ['buyer-messages'] as const,
  messageList: (filter: BuyerMessageFilter) => ['buyer-messages', 'list', filter] as const,
  message: (messageId: number) => ['buyer-messages', 'one', messageId] as const,
};
