import { Badge, Card, Divider, Group, List, Stack, Text, Title } from '@mantine/core';
import type { MyOrderDetail } from '../../../../../contracts/my';
import { useFormat } from '../../../app/format';
import { useI18n } from '../../../app/i18n';
import { Facts, Section } from './section';

type Payment = MyOrderDetail['payment']['payments'][number];

/**
 * 결제 정보: what the order costs (상품금액, 배송비, 할인 by label, 적립금), what was paid and refunded,
 * and what is left; then each payment with its method details, refunds, and past payment requests.
 */
export function PaymentSection({ order }: { order: MyOrderDetail }) {
  const { t } = useI18n();
  const f = useFormat();
  const p = order.payment;
  const pastRequests = order.paymentRequests.filter((r) => !r.payable);
  return (
    <Section title={t.payment.title} testId="payment-section">
      <Stack gap="md">
        <Facts
          rows={[
            { label: t.payment.itemsAmount, value: f.won(p.itemsAmount) },
            { label: p.remoteShippingFee > 0 ? t.payment.shippingWithRemote(f.won(p.remoteShippingFee)) : t.payment.shippingFee, value: f.won(p.shippingFee) },
            ...p.discounts.map((d) => ({ label: t.payment.discount(d.label), value: f.won(-d.amount) })),
            p.pointsUsed > 0 && { label: t.payment.pointsUsed, value: f.won(-p.pointsUsed) },
            p.feesAmount > 0 && { label: t.payment.fees, value: f.won(p.feesAmount) },
            { label: t.payment.total, value: f.won(p.totalAmount), strong: true, testId: 'total-amount' },
            { label: t.payment.paid, value: f.won(p.paidAmount), testId: 'paid-amount' },
            { label: t.payment.refunded, value: f.won(p.refundedAmount), testId: 'refunded-amount' },
            p.balanceDue >= 0
              ? { label: t.payment.balanceDue, value: f.won(p.balanceDue), strong: p.balanceDue > 0, testId: 'balance-due' }
              : { label: t.payment.refundDue, value: f.won(-p.balanceDue), strong: true, testId: 'balance-due' },
          ]}
        />
        <DepositAccounts accounts={order.shop.depositAccounts} />
        {p.payments.length > 0 && (
          <Stack gap="xs">
            <Divider />
            <Title order={3} size="h5">
              {t.payment.payments}
            </Title>
            {p.payments.map((payment, index) => (
              <PaymentCard key={index} payment={payment} />
            ))}
          </Stack>
        )}
        {p.refunds.length > 0 && (
          <Stack gap="xs">
            <Title order={3} size="h5">
              {t.payment.refunds}
            </Title>
            {p.refunds.map((refund, index) => (
              <Stack key={index} gap={2}>
                <Group justify="space-between" gap="xs">
                  <Text size="sm">
                    {refund.methodLabel} · {refund.statusLabel} · {f.dateTime(refund.at)}
                  </Text>
                  <Text size="sm" fw={600}>
                    {f.won(refund.amount)}
                  </Text>
                </Group>
                {refund.explanation.length > 0 && (
                  <List size="xs" spacing={2} aria-label={t.payment.refundExplanation} pl="xs">
                    {refund.explanation.map((line, i) => (
                      <List.Item key={i}>
                        <Text size="xs" c="dimmed" span>
                          {line}
                        </Text>
                      </List.Item>
                    ))}
                  </List>
                )}
              </Stack>
            ))}
          </Stack>
        )}
        {pastRequests.length > 0 && (
          <Stack gap="xs">
            <Title order={3} size="h5">
              {t.payment.requests}
            </Title>
            {pastRequests.map((request) => (
              <Group key={request.id} justify="space-between" gap="xs" wrap="nowrap">
                <Text size="sm" style={{ minWidth: 0 }}>
                  {request.reason}
                </Text>
                <Group gap={6} wrap="nowrap">
                  <Text size="sm" fw={600}>
                    {f.won(request.amount)}
                  </Text>
                  <Badge variant="light" tt="none" color={request.status === 'paid' ? 'teal' : 'gray'}>
                    {request.statusLabel}
                  </Badge>
                </Group>
              </Group>
            ))}
          </Stack>
        )}
      </Stack>
    </Section>
  );
}

/** The shop's 무통장 입금 accounts, while a bank transfer waits for its money and names no account of its own. */
function DepositAccounts({ accounts }: { accounts: MyOrderDetail['shop']['depositAccounts'] }) {
  const { t } = useI18n();
  if (accounts.length === 0) return null;
  return (
    <Card withBorder radius="md" p="sm" data-testid="deposit-accounts">
      <Text fw={600} size="sm">
        {t.payment.depositAccounts}
      </Text>
      <Text size="xs" c="dimmed" mb={4}>
        {t.payment.depositAccountsHint}
      </Text>
      <List size="sm" spacing={2}>
        {accounts.map((a) => (
          <List.Item key={`${a.bank}-${a.accountNumber}`}>{`${a.bank} ${a.accountNumber} (${a.holder})`}</List.Item>
        ))}
      </List>
    </Card>
  );
}

function PaymentCard({ payment }: { payment: Payment }) {
  const { t } = useI18n();
  const f = useFormat();
  const account = payment.virtualAccount;
  return (
    <Card withBorder radius="md" p="sm" data-testid="payment">
      <Facts
        rows={[
          { label: t.payment.method, value: `${payment.methodLabel} · ${payment.statusLabel}` },
          { label: t.payment.paid, value: f.won(payment.amount), strong: true },
          payment.paidAt !== null && { label: t.payment.paidAt, value: f.dateTime(payment.paidAt) },
          payment.cardCompany !== null && { label: t.payment.card, value: [payment.cardCompany, payment.cardNumberMasked].filter(Boolean).join(' ') },
          payment.installmentMonths !== null && { label: t.payment.installment, value: payment.installmentLabel ?? (payment.installmentMonths > 1 ? t.payment.months(payment.installmentMonths) : t.payment.lumpSum) },
          account !== null && { label: t.payment.virtualAccount, value: `${account.bank} ${account.accountNumber} (${account.holder})` },
          account?.dueAt ? { label: t.payment.depositDue, value: f.dateTime(account.dueAt) } : null,
        ]}
      />
    </Card>
  );
}
