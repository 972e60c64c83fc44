import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  deliveryOutcomeSchema,
  notificationSettingsSchema,
  type NotificationSettings,
  type UpdateNotificationSettingsRequest,
} from '../../../../../contracts/notifications';
import type { BuyerMoment, MessageChannel } from '../../../../../domain/buyer-message-moments';
import { api } from '../../../app/api/client';
import { notificationKeys } from './keys';

const PATH = '/api/v1/notification-settings';

/** GET /api/v1/notification-settings: the switches and both channels' settings (secrets only as "set"). */
export function useNotificationSettings() {
  return useQuery({ queryKey: notificationKeys.settings, queryFn: ({ signal }) => api.get(PATH, notificationSettingsSchema, signal) });
}

/** PATCH /api/v1/notification-settings: channel settings (the switches have their own, optimistic hook). */
export function useUpdateNotificationSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateNotificationSettingsRequest) => api.patch(PATH, body, notificationSettingsSchema),
    onSuccess: (settings) => queryClient.setQueryData(notificationKeys.settings, settings),
  });
}

export interface SwitchChange {
  moment: BuyerMoment;
  channel: MessageChannel;
  on: boolean;
}

/**
 * One switch, saved at once: the screen shows it turned before the server answers (a table of 33
 * switches should not wait on each), and puts it back if the server refuses.
 */
export function useToggleMomentSwitch() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ moment, channel, on }: SwitchChange) => api.patch(PATH, { moments: { [moment]: { [channel]: on } } }, notificationSettingsSchema),
    onMutate: async ({ moment, channel, on }: SwitchChange) => {
      await queryClient.cancelQueries({ queryKey: notificationKeys.settings });
      const before = queryClient.getQueryData<NotificationSettings>(notificationKeys.settings);
      if (before) {
        const moments = { ...before.moments, [moment]: { ...before.moments[moment], [channel]: on } } as NotificationSettings['moments'];
        queryClient.setQueryData<NotificationSettings>(notificationKeys.settings, { ...before, moments });
      }
      return { before };
    },
    onError: (_error, _change, context) => {
      if (context?.before) queryClient.setQueryData(notificationKeys.settings, context.before);
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: notificationKeys.settings }),
  });
}

/** POST /api/v1/notification-test-sends: one message through the channel's settings now, with its outcome. */
export function useTestSend() {
  return useMutation({
    mutationFn: (body: { channel: MessageChannel; to: string }) => api.post('/api/v1/notification-test-sends', body, deliveryOutcomeSchema),
  });
}
