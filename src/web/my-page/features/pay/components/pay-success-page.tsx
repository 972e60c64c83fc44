import { Alert, Anchor, Button, Center, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { errorMessage } from '../../../app/api/client';
import { useFormat } from '../../../app/format';
import { useI18n } from '../../../app/i18n';
import { Link, orderPath, useLocation } from '../../../app/router';
import { useConfirmCheckout, type SuccessParams } from '../api/checkout-result';
import { Facts } from './facts';

function successParams(search: URLSearchParams): SuccessParams | null {
  const paymentKey = search.get('paymentKey');
  const orderId = search.get('orderId');
  const amount = Number(search.get('amount'));
  if (!paymentKey || !orderId || !Number.isInteger(amount) || amount < 0) return null;
  return { paymentKey, orderId, amount };
}

/** /my/pay/success — the window approved: the server confirms (amount checked), then the result. */
export function PaySuccessPage() {
  const { t } = useI18n();
  const f = useFormat();
  const { search } = useLocation();
  const params = successParams(search);
  const confirm = useConfirmCheckout(params);

  if (!params)
    return (
      <PayResult title={t.pay.notDoneTitle} tone="red" orderNumber={null}>
        <Text>{t.pay.missing}</Text>
      </PayResult>
    );
  if (confirm.isPending)
    return (
      <Center py="xl">
        <Group gap="sm">
          <Loader size="sm" aria-label={t.pay.confirming} />
          <Text>{t.pay.confirming}</Text>
        </Group>
      </Center>
    );
  if (confirm.isError)
    return (
      <PayResult title={t.pay.failedTitle} tone="red" orderNumber={null}>
        <Alert color="red" role="alert">
          {errorMessage(confirm.error)}
        </Alert>
        <Button variant="light" onClick={() => void confirm.refetch()}>
          {t.common.retry}
        </Button>
      </PayResult>
    );
  const result = confirm.data;
  const title = result.status === 'paid' ? t.pay.paidTitle : result.status === 'voided' ? t.pay.voidedTitle : t.pay.failedTitle;
  return (
    <PayResult title={title} tone={result.status === 'paid' ? 'teal' : 'red'} orderNumber={result.orderNumber}>
      {result.message && <Text>{result.message}</Text>}
      <Facts
        rows={[
          { label: t.pay.amount, value: f.won(result.amount) },
          result.methodLabel ? { label: t.pay.method, value: result.methodLabel } : null,
        ]}
      />
    </PayResult>
  );
}

/** The frame of both return pages: a heading that says what happened, details, the way back. */
export function PayResult({ title, tone, orderNumber, children }: { title: string; tone: 'teal' | 'red'; orderNumber: string | null; children: ReactNode }) {
  const { t } = useI18n();
  return (
    <Paper withBorder radius="md" p={{ base: 'md', sm: 'xl' }} maw={520} mx="auto">
      <Stack gap="md">
        <Title order={1} size="h2" c={tone === 'teal' ? 'teal.8' : 'red.8'}>
          {title}
        </Title>
        {children}
        {orderNumber ? (
          <Button component={Link} to={orderPath(orderNumber)} fullWidth>
            {t.pay.backToOrder}
          </Button>
        ) : (
          <Anchor component={Link} to="/my/orders">
            {t.pay.toOrders}
          </Anchor>
        )}
      </Stack>
    </Paper>
  );
}
