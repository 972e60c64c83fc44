import { Alert, Button, Card, Stack, Title } from '@mantine/core';
import type { MyOrderDetail } from '../../../../../contracts/my';
import { errorMessage } from '../../../app/api/client';
import { useFormat } from '../../../app/format';
import { useI18n } from '../../../app/i18n';
import { useToast } from '../../../app/toast';
import { useStartCheckout } from '../api/checkout';
import { Facts } from './section';

/** 추가 결제 요청 on top of the order: each payable request with its amount, reason, due date and 결제하기. */
export function PaymentRequests({ order }: { order: MyOrderDetail }) {
  const { t } = useI18n();
  const f = useFormat();
  const toast = useToast();
  const checkout = useStartCheckout(order.orderNumber);
  const payable = order.paymentRequests.filter((r) => r.payable);
  if (payable.length === 0) return null;
  const pay = (requestId: number) =>
    checkout.mutate(requestId, {
      onSuccess: (result) => {
        if (result.outcome === 'closed') toast.error(result.message || t.requests.windowClosed);
      },
    });
  return (
    <Stack gap="sm">
      {payable.map((request) => {
        const busy = checkout.isPending && checkout.variables === request.id;
        // the browser is leaving for the window: keep the button busy until it has gone
        const leaving = checkout.isSuccess && checkout.variables === request.id && checkout.data.outcome === 'left';
        return (
          <Card key={request.id} withBorder radius="md" p="md" bg="red.0" style={{ borderColor: 'var(--mantine-color-red-3)' }} component="section" aria-labelledby={`request-${request.id}`} data-testid="payment-request">
            <Stack gap="sm">
              <Title order={2} size="h4" id={`request-${request.id}`}>
                {t.requests.title}
              </Title>
              <Facts
                rows={[
                  { label: t.requests.amount, value: f.won(request.amount), strong: true },
                  { label: t.requests.reason, value: request.reason },
                  { label: t.requests.dueAt, value: request.dueAt ? f.dateTime(request.dueAt) : t.requests.noDue },
                ]}
              />
              {checkout.isError && checkout.variables === request.id && (
                <Alert color="red" role="alert">
                  {errorMessage(checkout.error)}
                </Alert>
              )}
              <Button color="red" fullWidth onClick={() => pay(request.id)} loading={busy || leaving} disabled={checkout.isPending && !busy}>
                {t.requests.pay(f.won(request.amount))}
              </Button>
            </Stack>
          </Card>
        );
      })}
    </Stack>
  );
}
