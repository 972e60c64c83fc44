import { Anchor, Badge, Group, Stack, Text } from '@mantine/core';
import { formatSeoulDateTime, formatWon } from '../../../app/format';
import { Link } from '../../../app/router';
import { useDetailI18n } from '../i18n';
import { trackingHref } from '../model/couriers';
import type { UnitRow } from '../model/rows';
import { UnitStatusBadge } from './status-badge';

/** What a unit row shows, shared by the item table (desktop) and the item list (phone). */

/** The product as sold: name (a link to the catalog's product), option, per-unit discounts. */
export function ItemProduct({ row }: { row: UnitRow }) {
  const { d, t } = useDetailI18n();
  const { item } = row;
  return (
    <>
      <Group gap={6}>
        {item.productId !== null && !item.isCustom ? (
          // the catalog's product now; the row keeps what was sold (name, option and price as ordered)
          <Anchor component={Link} to={`/products/${item.productId}`} size="sm" fw={500} title={d.items.openProduct}>
            {item.productName}
          </Anchor>
        ) : (
          <Text size="sm" fw={500}>
            {item.productName}
          </Text>
        )}
        {item.isCustom && (
          <Badge size="xs" variant="outline" color="gray" tt="none">
            {d.items.custom}
          </Badge>
        )}
      </Group>
      {item.optionName && (
        <Text size="xs" c="dimmed">
          {d.items.option}: {item.optionName}
        </Text>
      )}
      {item.manualDiscountPerUnit > 0 && (
        <Text size="xs" c="orange.8">
          {d.items.manualDiscountPerUnit(formatWon(t, item.manualDiscountPerUnit))}
        </Text>
      )}
      {item.gradeDiscountPerUnit > 0 && (
        <Text size="xs" c="dimmed">
          {d.items.gradeDiscountPerUnit(formatWon(t, item.gradeDiscountPerUnit))}
        </Text>
      )}
    </>
  );
}

/** The row's status, and 추가 결제 대기 for units an edit added that the buyer has not paid for yet. */
export function ItemStatus({ row }: { row: UnitRow }) {
  const { d } = useDetailI18n();
  return (
    <Group gap={4}>
      <UnitStatusBadge status={row.status} label={row.statusLabel} />
      {row.group.heldForAdditionalPayment && (
        // added by an edit and not paid for yet: only the buyer's additional payment moves these on
        <Badge size="sm" variant="outline" color="orange" radius="sm" tt="none" title={d.items.heldForPaymentHint}>
          {d.items.heldForPayment}
        </Badge>
      )}
    </Group>
  );
}

/** Courier and tracking number as a link to the courier's tracking page, with when it shipped; or –. */
export function ItemShipping({ row }: { row: UnitRow }) {
  const { d } = useDetailI18n();
  const { group } = row;
  const courier = group.courierLabel ?? group.courier;
  if (!courier || !group.trackingNumber) {
    return (
      <Text size="sm" c="dimmed">
        –
      </Text>
    );
  }
  return (
    <Stack gap={0}>
      <Anchor href={trackingHref(courier, group.trackingNumber)} target="_blank" rel="noreferrer" size="sm" aria-label={d.items.trackingLink(courier, group.trackingNumber)}>
        {courier} {group.trackingNumber}
      </Anchor>
      {group.shippedAt && (
        <Text size="xs" c="dimmed">
          {d.items.shippedAt(formatSeoulDateTime(group.shippedAt))}
          {group.deliveredAt ? ` · ${d.items.deliveredAt(formatSeoulDateTime(group.deliveredAt))}` : ''}
        </Text>
      )}
    </Stack>
  );
}
