import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import type { ClaimResult } from '../../../../../contracts/claims';
import { formatWon } from '../../../app/format';
import { useDetailI18n } from '../i18n';
import { UnitStatusBadge } from './status-badge';

/** What a claim change produced: the claim's status, and the refund with its amount and status. */
export function ClaimResultView({ result }: { result: ClaimResult }) {
  const { d, t } = useDetailI18n();
  const { claim, refund } = result;
  return (
    <Stack gap="sm" data-testid="claim-result">
      <Text fw={700}>{d.refund.resultTitle}</Text>
      {claim && (
        <Group gap="xs">
          <Text size="sm">{d.claims.heading(d.claims.kind[claim.kind] ?? claim.kind, claim.id)}</Text>
          <UnitStatusBadge status={claim.status} label={claim.statusLabel} />
        </Group>
      )}
      {refund ? (
        <Group gap="xl">
          <div>
            <Text size="xs" c="dimmed">
              {d.refund.resultRefund}
            </Text>
            <Text fw={700} size="lg" data-testid="result-refund-amount">
              {formatWon(t, refund.amount)}
            </Text>
          </div>
          <div>
            <Text size="xs" c="dimmed">
              {d.refund.resultStatus}
            </Text>
            <Text fw={600} data-testid="result-refund-status">
              {d.refund.statuses[refund.status] ?? refund.status} · {d.refund.methods[refund.method] ?? refund.method}
            </Text>
          </div>
        </Group>
      ) : (
        claim &&
        claim.kind !== 'exchange' && <Text size="sm">{claim.status === 'cancelled' || claim.status === 'returned' ? d.refund.noRefund : d.refund.later}</Text>
      )}
      {refund?.failureMessage && (
        <Alert color="red" role="alert">
          {d.payment.failure(refund.failureMessage)}
        </Alert>
      )}
      {result.buyerShippingFee !== null && result.buyerShippingFee > 0 && <Text size="sm">{d.exchange.buyerShippingFee(formatWon(t, result.buyerShippingFee))}</Text>}
    </Stack>
  );
}

/** The last step of the cancel, return, exchange and completion dialogs: the result, then 닫기. */
export function ClaimDoneStep({ result, onClose }: { result: ClaimResult; onClose(): void }) {
  const { d } = useDetailI18n();
  return (
    <Stack>
      <ClaimResultView result={result} />
      <Group justify="flex-end">
        <Button onClick={onClose}>{d.dialog.close}</Button>
      </Group>
    </Stack>
  );
}
