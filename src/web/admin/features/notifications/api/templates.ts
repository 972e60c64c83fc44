import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  notificationTemplateListSchema,
  notificationTemplateSchema,
  templatePreviewSchema,
  type NotificationTemplate,
  type UpdateNotificationTemplateRequest,
} from '../../../../../contracts/notifications';
import type { BuyerMoment, MessageChannel } from '../../../../../domain/buyer-message-moments';
import { api } from '../../../app/api/client';
import { notificationKeys } from './keys';

const templatePath = (moment: BuyerMoment, channel: MessageChannel) => `/api/v1/notification-templates/${moment}/${channel}`;

/** GET /api/v1/notification-templates: every moment × channel, the shop's own or the default. */
export function useNotificationTemplates() {
  return useQuery({
    queryKey: notificationKeys.templates,
    queryFn: ({ signal }) => api.get('/api/v1/notification-templates', notificationTemplateListSchema, signal),
    select: (data) => data.templates,
  });
}

/** Puts the server's answer in the list, so the editor and its "기본값" badge read it at once. */
function useReplaceInList() {
  const queryClient = useQueryClient();
  return (template: NotificationTemplate) =>
    queryClient.setQueryData<{ templates: NotificationTemplate[] }>(notificationKeys.templates, (list) =>
      list ? { templates: list.templates.map((t) => (t.moment === template.moment && t.channel === template.channel ? template : t)) } : list,
    );
}

/** PUT /api/v1/notification-templates/{moment}/{channel}: the shop's own text (400 names an unknown #{변수}). */
export function useSaveTemplate() {
  const replace = useReplaceInList();
  return useMutation({
    mutationFn: ({ moment, channel, body }: { moment: BuyerMoment; channel: MessageChannel; body: UpdateNotificationTemplateRequest }) =>
      api.put(templatePath(moment, channel), body, notificationTemplateSchema),
    onSuccess: replace,
  });
}

/** DELETE /api/v1/notification-templates/{moment}/{channel}: back to the default, which it answers with. */
export function useResetTemplate() {
  const replace = useReplaceInList();
  return useMutation({
    mutationFn: ({ moment, channel }: { moment: BuyerMoment; channel: MessageChannel }) => api.delete(templatePath(moment, channel), notificationTemplateSchema),
    onSuccess: replace,
  });
}

export interface PreviewInput {
  moment: BuyerMoment;
  channel: MessageChannel;
  subject: string | null;
  body: string;
  /** '' : the shop's newest order. */
  orderNumber: string;
}

/**
 * POST /api/v1/notification-templates/preview: the text filled with a real order's facts. The
 * caller debounces the input; the last preview stays on screen while the next one loads.
 */
export function useTemplatePreview(input: PreviewInput) {
  return useQuery({
    queryKey: notificationKeys.preview(input),
    queryFn: ({ signal }) =>
      api.query(
        '/api/v1/notification-templates/preview',
        {
          moment: input.moment,
          channel: input.channel,
          ...(input.subject !== null ? { subject: input.subject } : {}),
          body: input.body,
          ...(input.orderNumber.trim() ? { orderNumber: input.orderNumber.trim() } : {}),
        },
        templatePreviewSchema,
        signal,
      ),
    enabled: input.body.trim() !== '',
    placeholderData: keepPreviousData,
    retry: false,
  });
}
