import { Alert, Badge, Button, Divider, Group, Loader, NumberInput, SegmentedControl, Stack, Text } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import type { RefundProposalDto } from '../../../../../contracts/claims';
import { errorMessage } from '../../../app/api/client';
import { formatWon } from '../../../app/format';
import type { RefundAdjustments } from '../api/actions';
import { useDetailI18n } from '../i18n';
import { Money } from './money';
import { RefundWhy } from './refund-why';

type Component = keyof RefundAdjustments;

interface Props {
  proposal: RefundProposalDto | undefined;
  error: unknown;
  pending: boolean;
  /** Only what staff changed; every other component keeps the server's proposal. */
  adjustments: RefundAdjustments;
  onChange(adjustments: RefundAdjustments): void;
}

const toWon = (v: number | string) => {
  const n = typeof v === 'number' ? v : Number(String(v).replace(/[^\d]/g, ''));
  return Number.isFinite(n) ? Math.max(0, Math.floor(n)) : 0;
};

/**
 * 금액 계산: the proposed refund with each component editable — 쿠폰, 적립금, 배송비 and 차감 —
 * and the total as the server recomputes it for those numbers.
 */
export function RefundCalculator({ proposal, error, pending, adjustments, onChange }: Props) {
  const { d, t } = useDetailI18n();
  const [shippingMode, setShippingMode] = useState<'refund' | 'charge' | null>(null);
  if (!proposal) {
    if (error) return <Alert color="red" role="alert">{errorMessage(error)}</Alert>;
    return <Loader size="sm" aria-label={d.refund.recalculating} />;
  }
  const value = (c: Component) => adjustments[c] ?? proposal[c];
  // shipping reads as what happens to it: refunded or charged
  const shippingWords = (change: number) =>
    change === 0 ? formatWon(t, 0) : `${change < 0 ? d.refund.shippingRefund : d.refund.shippingCharge} ${formatWon(t, Math.abs(change))}`;
  const set = (c: Component, v: number) => onChange({ ...adjustments, [c]: v });
  const adjusted = (c: Component) => adjustments[c] !== undefined;
  const proposedNote = (c: Component) => (
    <Group gap={6}>
      <Text size="xs" c="dimmed">
        {d.refund.proposed(c === 'shippingChange' ? shippingWords(proposal.proposed.shippingChange) : formatWon(t, proposal.proposed[c]))}
      </Text>
      {adjusted(c) && (
        <Badge size="xs" variant="light" color="orange" tt="none">
          {d.refund.adjusted}
        </Badge>
      )}
    </Group>
  );

  const shipping = value('shippingChange');
  const mode = shipping < 0 ? 'refund' : shipping > 0 ? 'charge' : (shippingMode ?? 'refund');
  const setShipping = (m: 'refund' | 'charge', amount: number) => {
    setShippingMode(m);
    set('shippingChange', m === 'refund' ? -amount : amount);
  };

  return (
    <Stack gap="sm" aria-label={d.refund.legend} role="group">
      <Line label={d.refund.itemsAmount} why={<RefundWhy lines={proposal.explanation} component="itemsAmount" label={d.refund.itemsAmount} />}>
        <Money amount={proposal.itemsAmount} signed fw={500} />
      </Line>
      <Line label={d.refund.coupon} note={proposedNote('couponRemoved')} why={<RefundWhy lines={proposal.explanation} component="couponRemoved" label={d.refund.coupon} />}>
        <AmountInput label={d.refund.coupon} description={d.refund.couponHint} value={value('couponRemoved')} onChange={(v) => set('couponRemoved', v)} />
      </Line>
      <Line label={d.refund.points} note={proposedNote('pointsRestored')} why={<RefundWhy lines={proposal.explanation} component="pointsRestored" label={d.refund.points} />}>
        <AmountInput label={d.refund.points} description={d.refund.pointsHint} value={value('pointsRestored')} onChange={(v) => set('pointsRestored', v)} />
      </Line>
      <Line label={d.refund.shipping} note={proposedNote('shippingChange')} why={<RefundWhy lines={proposal.explanation} component="shippingChange" label={d.refund.shipping} />}>
        <Group gap="xs" wrap="nowrap" align="flex-end">
          <SegmentedControl
            size="xs"
            aria-label={d.refund.shippingMode}
            value={mode}
            onChange={(m) => setShipping(m === 'charge' ? 'charge' : 'refund', Math.abs(shipping))}
            data={[
              { value: 'refund', label: d.refund.shippingRefund },
              { value: 'charge', label: d.refund.shippingCharge },
            ]}
          />
          <AmountInput label={d.refund.shipping} description={d.refund.shippingHint} value={Math.abs(shipping)} onChange={(v) => setShipping(mode, v)} />
        </Group>
      </Line>
      <Line label={d.refund.deduction} note={proposedNote('deduction')} why={<RefundWhy lines={proposal.explanation} component="deduction" label={d.refund.deduction} />}>
        <AmountInput label={d.refund.deduction} description={d.refund.deductionHint} value={value('deduction')} onChange={(v) => set('deduction', v)} />
      </Line>
      <Divider />
      {error ? (
        <Alert color="red" role="alert">
          {errorMessage(error)}
        </Alert>
      ) : null}
      <Group justify="space-between" aria-live="polite">
        <Text fw={700}>{d.refund.total}</Text>
        <Group gap="xs">
          {pending && <Loader size="xs" aria-label={d.refund.recalculating} />}
          <Text fw={700} size="lg" data-testid="refund-total" style={{ fontVariantNumeric: 'tabular-nums' }}>
            {formatWon(t, proposal.amount)}
          </Text>
        </Group>
      </Group>
      <Stack gap={2}>
        <Text size="xs" c="dimmed">
          {d.refund.refundable(formatWon(t, proposal.refundable))}
        </Text>
        {proposal.settlesBalanceDue > 0 && (
          <Text size="xs" c="dimmed">
            {d.refund.settlesBalance(formatWon(t, proposal.settlesBalanceDue))}
          </Text>
        )}
        <RefundWhy lines={proposal.explanation} component="settlesBalanceDue" label={d.refund.settlesBalance(formatWon(t, proposal.settlesBalanceDue))} />
        {proposal.waived.shipping > 0 && (
          <Text size="xs" c="dimmed">
            {d.refund.waived(formatWon(t, proposal.waived.shipping))}
          </Text>
        )}
        <Text size="xs" c="dimmed">
          {d.refund.orderTotalAfter(formatWon(t, proposal.after.orderTotal))}
        </Text>
      </Stack>
      {Object.keys(adjustments).length > 0 && (
        <Group>
          <Button
            variant="subtle"
            size="xs"
            onClick={() => {
              setShippingMode(null);
              onChange({});
            }}
          >
            {d.refund.resetAll}
          </Button>
        </Group>
      )}
    </Stack>
  );
}

/** One figure: its label and proposal on the left, the figure on the right, and why it is what it is below. */
function Line({ label, note, why, children }: { label: string; note?: ReactNode; why?: ReactNode; children: ReactNode }) {
  return (
    <Stack gap={4}>
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Stack gap={0}>
          <Text size="sm" fw={500}>
            {label}
          </Text>
          {note}
        </Stack>
        {children}
      </Group>
      {why}
    </Stack>
  );
}

function AmountInput({ label, description, value, onChange }: { label: string; description: string; value: number; onChange(value: number): void }) {
  const { d } = useDetailI18n();
  return (
    <NumberInput
      aria-label={label}
      title={description}
      aria-description={description}
      value={value}
      min={0}
      allowNegative={false}
      allowDecimal={false}
      thousandSeparator=","
      hideControls
      rightSection={<Text size="xs">{d.wonUnit}</Text>}
      w={150}
      styles={{ input: { textAlign: 'right' } }}
      onChange={(v) => onChange(toWon(v))}
    />
  );
}
