import { Alert, Button, Group, Loader, NativeSelect, NumberInput, SimpleGrid, Stack, Text } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import type { BuyerBenefits, BuyerCoupon } from '../../../../../contracts/buyer-benefits';
import { errorMessage } from '../../../app/api/client';
import { formatSeoulDateTime, formatWon } from '../../../app/format';
import { useDetailI18n, type DetailDictionary } from '../i18n';
import type { EditDraft } from '../model/edit-draft';

/** A coupon's rule and minimum in words (from the server) and its expiry. */
function couponTerms(d: DetailDictionary, c: BuyerCoupon, withRule: boolean): string {
  const expiry = c.expiresAt ? d.edit.expiresOn(formatSeoulDateTime(c.expiresAt).slice(0, 10)) : d.edit.noExpiry;
  return [withRule ? c.ruleText : null, c.minOrderText, expiry].filter((part) => part !== null).join(' · ');
}

/** One coupon as a line of the select. The shop's coupons are often named after their rule ("10% 할인 (최대 10,000원)"): it is said once. */
const couponLabel = (d: DetailDictionary, c: BuyerCoupon) => `${c.name} · ${couponTerms(d, c, c.ruleText !== c.name)}`;

/**
 * 쿠폰 · 적립금 of 금액 계산 for a member's order: the buyer's usable coupons to choose from (or the
 * one the order already carries: one per order), and the points to add, at most the balance.
 */
export function EditBenefits({ benefits, draft, onChange }: { benefits: UseQueryResult<BuyerBenefits>; draft: EditDraft; onChange(next: EditDraft): void }) {
  const { d, t } = useDetailI18n();
  if (benefits.isPending) {
    return (
      <Group gap="xs">
        <Loader size="xs" />
        <Text size="sm" c="dimmed">
          {d.edit.benefitsLoading}
        </Text>
      </Group>
    );
  }
  if (benefits.isError) {
    return (
      <Alert color="red" role="alert">
        {errorMessage(benefits.error)}
      </Alert>
    );
  }
  const { member, coupons, appliedCoupon, orderPointsUsed } = benefits.data;
  if (!member) {
    return (
      <Text size="sm" c="dimmed">
        {d.edit.memberOnly}
      </Text>
    );
  }
  const chosenCoupon = coupons.find((c) => c.customerCouponId === draft.couponId) ?? null;
  const chosen = chosenCoupon ? String(chosenCoupon.customerCouponId) : '';
  const balance = member.pointsBalance;
  return (
    <Stack gap="xs" data-testid="edit-benefits">
      <Text size="sm">{d.edit.buyer(member.name, member.gradeName)}</Text>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="lg">
        {appliedCoupon ? (
          <Stack gap={4}>
            <Text size="sm" fw={500}>
              {d.edit.appliedCoupon}
            </Text>
            <Text size="sm" data-testid="applied-coupon">
              {appliedCoupon.name}
              {appliedCoupon.ruleText && appliedCoupon.ruleText !== appliedCoupon.name ? ` · ${appliedCoupon.ruleText}` : ''} (−{formatWon(t, appliedCoupon.discount)})
            </Text>
            <Text size="xs" c="dimmed">
              {d.edit.appliedCouponHint}
            </Text>
          </Stack>
        ) : (
          <Stack gap={4}>
            <NativeSelect
              label={d.edit.coupon}
              description={coupons.length === 0 ? d.edit.noUsableCoupons : d.edit.couponOnePerOrder}
              value={chosen}
              onChange={(e) => {
                const value = e.currentTarget.value;
                onChange({ ...draft, couponId: value === '' ? '' : Number(value) });
              }}
              data={[{ value: '', label: d.edit.noCoupon }, ...coupons.map((c) => ({ value: String(c.customerCouponId), label: couponLabel(d, c) }))]}
            />
            {/* the closed select cuts long lines short: the chosen coupon's terms in full */}
            {chosenCoupon && (
              <Text size="xs" c="dimmed" data-testid="coupon-terms">
                {couponTerms(d, chosenCoupon, true)}
              </Text>
            )}
          </Stack>
        )}
        <Stack gap={4}>
          <Group align="flex-end" gap="xs" wrap="nowrap">
            <NumberInput
              style={{ flex: 1 }}
              label={d.edit.points}
              description={<span data-testid="points-balance">{d.edit.pointsBalance(formatWon(t, balance))}</span>}
              value={draft.points}
              onChange={(v) => onChange({ ...draft, points: typeof v === 'number' && v > 0 ? Math.min(Math.floor(v), balance) : '' })}
              min={0}
              max={balance}
              clampBehavior="strict"
              disabled={balance === 0}
              allowNegative={false}
              allowDecimal={false}
              thousandSeparator=","
              hideControls
            />
            <Button variant="default" onClick={() => onChange({ ...draft, points: balance })} disabled={balance === 0 || draft.points === balance}>
              {d.edit.useAllPoints}
            </Button>
          </Group>
          {orderPointsUsed > 0 && (
            <Text size="xs" c="dimmed">
              {d.edit.pointsUsedByOrder(formatWon(t, orderPointsUsed))}
            </Text>
          )}
        </Stack>
      </SimpleGrid>
    </Stack>
  );
}
