import { errorMessage } from '../../../app/api/client';
import { useToast } from '../../../app/toast';
import { useResendBuyerMessage } from '../api/buyer-messages';
import { useNotificationsI18n } from '../i18n';

/** 다시 보내기 with its outcome in a toast: the message page and the order timeline both use it. */
export function useResendWithToast() {
  const { n } = useNotificationsI18n();
  const toast = useToast();
  const mutation = useResendBuyerMessage();
  const resend = (messageId: number) =>
    mutation.mutate(messageId, {
      onSuccess: (outcome) => {
        const status = n.messages.status[outcome.status];
        if (outcome.status === 'failed') toast.error(n.detail.resendFailed(status, outcome.error ?? ''));
        else toast.success(n.detail.resent(status));
      },
      onError: (error) => toast.error(errorMessage(error)),
    });
  return { resend, pending: mutation.isPending };
}
