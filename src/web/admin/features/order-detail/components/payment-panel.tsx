import { Alert, Badge, Button, Card, Divider, Group, Loader, Stack, Table, Text, Title } from '@mantine/core';
import type { OrderDetail } from '../../../../../contracts/orders';
import type { PaymentSummary } from '../../../../../contracts/payment-summary';
import { errorMessage } from '../../../app/api/client';
import { formatSeoulDateTime, formatWon } from '../../../app/format';
import { usePaymentSummary } from '../api/queries';
import { useDetailI18n } from '../i18n';
import type { OpenDialog } from '../model/dialogs';
import { Fact } from './fact';
import { Money } from './money';
import { PaymentRequests } from './payment-requests';
import { Refunds } from './refund-list';

/** Rows shown even at 0: the totals staff look for. */
const ALWAYS: ReadonlySet<string> = new Set(['itemsSubtotal', 'shippingFee', 'orderTotal', 'paid', 'refunded', 'netPaid', 'balanceDue']);

/** 결제 정보: 상세 결제 금액, 상세 결제 정보 per payment, refunds (with retry) and 추가 결제 요청. */
export function PaymentPanel({ order, onOpen, readOnly }: { order: OrderDetail; onOpen: OpenDialog; readOnly: boolean }) {
  const { d, t } = useDetailI18n();
  const summary = usePaymentSummary(order.id);
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="payment-title">
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h4" id="payment-title">
          {d.payment.title}
        </Title>
        {summary.data && (
          <Badge variant="outline" tt="none">
            {summary.data.paymentStatusLabel}
          </Badge>
        )}
      </Group>
      {summary.isPending && <Loader size="sm" aria-label={d.loadingOrder} />}
      {summary.isError && (
        <Alert color="red" role="alert">
          {errorMessage(summary.error)}
          <Button size="xs" variant="light" ml="sm" onClick={() => void summary.refetch()}>
            {t.common.retry}
          </Button>
        </Alert>
      )}
      {summary.data && <PaymentSummaryView summary={summary.data} order={order} onOpen={onOpen} readOnly={readOnly} />}
    </Card>
  );
}

function PaymentSummaryView({ summary, order, onOpen, readOnly }: { summary: PaymentSummary; order: OrderDetail; onOpen: OpenDialog; readOnly: boolean }) {
  const { d, t } = useDetailI18n();
  const { amounts } = summary;
  const requested = summary.paymentRequests.filter((r) => r.status === 'pending').reduce((sum, r) => sum + r.amount, 0);
  const pendingPayments = summary.payments.filter((p) => p.status === 'pending').reduce((sum, p) => sum + p.amount - p.capturedAmount, 0);
  const requestable = amounts.balanceDue - requested - pendingPayments;
  return (
    <Stack gap="sm">
      <Group justify="space-between" align="baseline">
        <Text fw={700}>{d.payment.netPaid}</Text>
        <Text fw={800} size="xl" data-testid="net-paid" style={{ fontVariantNumeric: 'tabular-nums' }}>
          {formatWon(t, amounts.netPaid)}
        </Text>
      </Group>
      <Table aria-label={d.payment.amounts} verticalSpacing={3} horizontalSpacing={4}>
        <Table.Tbody>
          {summary.amountRows
            .filter((row) => row.key !== 'netPaid' && (row.amount !== 0 || ALWAYS.has(row.key)))
            .map((row) => (
              <Table.Tr key={row.key} fw={row.key === 'orderTotal' || row.key === 'balanceDue' ? 700 : undefined}>
                <Table.Th scope="row" fw="inherit">
                  <Text size="sm" fw="inherit">
                    {row.label}
                    {row.note ? (
                      <Text span size="xs" c="dimmed" ml={4}>
                        {row.note}
                      </Text>
                    ) : null}
                  </Text>
                </Table.Th>
                <Table.Td data-testid={`amount-${row.key}`}>
                  <Money amount={row.amount} fw="inherit" />
                </Table.Td>
              </Table.Tr>
            ))}
        </Table.Tbody>
      </Table>
      {!readOnly && (requestable > 0 || amounts.balanceDue < 0) && (
        <Group gap="xs">
          {requestable > 0 && (
            <Button size="xs" variant="light" onClick={() => onOpen({ kind: 'paymentRequest' })}>
              {d.payment.newRequest}
            </Button>
          )}
          {amounts.balanceDue < 0 && (
            <Button size="xs" variant="light" color="red" onClick={() => onOpen({ kind: 'balanceRefund' })}>
              {d.payment.balanceRefund}
            </Button>
          )}
        </Group>
      )}

      <Divider label={d.payment.details} labelPosition="left" />
      {summary.payments.length === 0 && <Text size="sm">{d.payment.noPayments}</Text>}
      {summary.payments.map((p) => (
        <Stack key={p.id} gap={2} role="group" aria-label={`${d.payment.method}: ${p.methodLabel}`}>
          <Group justify="space-between">
            <Group gap={6}>
              <Text size="sm" fw={600}>
                {p.methodLabel}
              </Text>
              <Badge size="xs" variant="light" tt="none">
                {p.statusLabel}
              </Badge>
              {p.paymentRequestId !== null && (
                <Badge size="xs" variant="light" color="grape" tt="none">
                  {d.payment.fromRequest}
                </Badge>
              )}
            </Group>
            <Money amount={p.amount} fw={600} />
          </Group>
          <Fact label={d.payment.method}>{p.methodLabel}</Fact>
          <Fact label={d.payment.paidAt}>{formatSeoulDateTime(p.paidAt) || '–'}</Fact>
          {p.gateway && <Fact label={d.payment.gateway}>{d.payment.gateways[p.gateway] ?? p.gateway}</Fact>}
          {p.gatewayTransactionId && <Fact label={d.payment.transactionId}>{p.gatewayTransactionId}</Fact>}
          {p.cardCompany && <Fact label={d.payment.cardCompany}>{p.cardCompany}</Fact>}
          {p.cardNumberMasked && <Fact label={d.payment.cardNumber}>{p.cardNumberMasked}</Fact>}
          {p.installmentLabel && <Fact label={d.payment.installment}>{p.installmentLabel}</Fact>}
          {p.easyPayProvider && <Fact label={d.payment.easyPay}>{p.easyPayProvider}</Fact>}
          {p.virtualAccount && (
            <Fact label={p.method === 'bank_transfer' ? d.payment.depositAccount : d.payment.virtualAccount}>
              {p.virtualAccount.bank} {p.virtualAccount.accountNumber} ({p.virtualAccount.holder})
              {p.virtualAccount.dueAt ? ` · ${d.payment.dueAt} ${formatSeoulDateTime(p.virtualAccount.dueAt)}` : ''}
            </Fact>
          )}
          {p.depositorName && <Fact label={d.payment.depositor}>{p.depositorName}</Fact>}
          {p.refundedAmount > 0 && (
            <Fact label={d.payment.refunded}>
              <Money amount={p.refundedAmount} span />
            </Fact>
          )}
        </Stack>
      ))}

      <Divider label={d.payment.refunds} labelPosition="left" />
      {summary.refunds.length === 0 ? <Text size="sm">{d.payment.noRefunds}</Text> : <Refunds summary={summary} order={order} readOnly={readOnly} />}

      <Divider label={d.payment.requests} labelPosition="left" />
      {summary.paymentRequests.length === 0 ? <Text size="sm">{d.payment.noRequests}</Text> : <PaymentRequests summary={summary} order={order} readOnly={readOnly} />}
    </Stack>
  );
}
