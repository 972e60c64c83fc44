import { Button, Group, Text } from '@mantine/core';
import { useEffect, useRef } from 'react';
import type { OrderListItem } from '../../../../../contracts/order-list';
import type { PersonalDataReveal } from '../../../../../contracts/audit';
import { useI18n } from '../../../app/i18n';
import { useMe } from '../../auth/api/me';
import { may } from '../../auth/model/permissions';
import { usePersonalDataReveal } from '../api/personal-data-reveal';

export type PersonalField = 'ordererPhone' | 'ordererEmail' | 'recipientPhone' | 'recipientAddress';

/** The unmasked value of a list field, from what 보기 answered (the first address is the list's). */
export function revealedValue(revealed: PersonalDataReveal, field: PersonalField): string | null {
  const first = [...revealed.addresses].sort((a, b) => a.position - b.position)[0];
  switch (field) {
    case 'ordererPhone': return revealed.orderer.phone;
    case 'ordererEmail': return revealed.orderer.email;
    case 'recipientPhone': return first?.recipientPhone ?? null;
    case 'recipientAddress': return first ? `${first.address1} ${first.address2}`.trim() : null;
  }
}

/**
 * A masked value of the list (010-****-5678) with a small 보기 for those who may see personal
 * data; pressed, it shows the value in place (and the server records that it was shown).
 */
export function PersonalValue({ order, field }: { order: OrderListItem; field: PersonalField }) {
  const { t } = useI18n();
  const me = useMe();
  const { revealed, pending, reveal } = usePersonalDataReveal(order.id);
  // the pressed 보기 goes away with the answer: focus moves to the value shown, so it stays where it
  // was (inside a popover, Escape still closes it)
  const valueRef = useRef<HTMLParagraphElement>(null);
  const pressed = useRef(false);
  useEffect(() => {
    if (revealed && pressed.current) {
      pressed.current = false;
      valueRef.current?.focus();
    }
  }, [revealed]);
  const masked = order[field];
  if (masked === null || masked === '') return null;
  const value = revealed ? revealedValue(revealed, field) : masked;
  return (
    <Group gap={4} wrap="nowrap">
      <Text size="sm" truncate title={value ?? undefined} ref={valueRef} tabIndex={-1}>
        {value}
      </Text>
      {!revealed && may(me.data, 'personal.view') && (
        <Button
          size="compact-xs"
          variant="subtle"
          px={4}
          // the value gives way (truncated, whole in its title), never the button
          style={{ flex: 'none' }}
          loading={pending}
          aria-label={t.personal.reveal(order.orderNumber)}
          onClick={(e) => {
            // the row opens the order on a click; 보기 only shows the value
            e.stopPropagation();
            pressed.current = true;
            reveal();
          }}
        >
          {t.personal.show}
        </Button>
      )}
    </Group>
  );
}
