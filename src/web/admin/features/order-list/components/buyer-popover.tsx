import { ActionIcon, Group, Loader, Popover, Stack, Text, Title } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import type { OrderListItem } from '../../../../../contracts/order-list';
import { formatNumber } from '../../../app/format';
import { useI18n } from '../../../app/i18n';
import { useOrderCountByPhone } from '../api/orders-by-phone';
import { usePersonalDataReveal } from '../api/personal-data-reveal';
import { PersonalValue } from './personal-value';

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Group justify="space-between" gap="md" wrap="nowrap">
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text size="sm" ta="right" component="div">
        {children}
      </Text>
    </Group>
  );
}

function BuyerDetails({ order }: { order: OrderListItem }) {
  const { t } = useI18n();
  // the list's phone is masked: orders with the same number are counted once 보기 shows it
  const { revealed } = usePersonalDataReveal(order.id);
  const count = useOrderCountByPhone(revealed?.orderer.phone ?? null);
  return (
    <Stack gap={6}>
      <Title order={3} size="h5">
        {t.buyer.title}: {order.ordererName}
      </Title>
      <Row label={t.filters.memberType}>{order.isMember ? t.buyer.member : t.buyer.guest}</Row>
      {order.isMember && <Row label={t.buyer.grade}>{order.gradeName ?? '–'}</Row>}
      <Row label={t.buyer.phone}>
        <PersonalValue order={order} field="ordererPhone" />
      </Row>
      <Row label={t.buyer.email}>{order.ordererEmail ? <PersonalValue order={order} field="ordererEmail" /> : '–'}</Row>
      {revealed && (
        <Row label={t.buyer.ordersByPhone}>
          {count.isPending ? <Loader size="xs" aria-label={t.common.loading} /> : count.isError ? '–' : t.common.count(formatNumber(count.data))}
        </Row>
      )}
    </Stack>
  );
}

/** 구매자명 with the ▼ that opens the buyer's details (the announcement's QnA: mouse over the name). */
export function BuyerCell({ order }: { order: OrderListItem }) {
  const { t } = useI18n();
  const [opened, setOpened] = useState(false);
  return (
    <Group gap={2} wrap="nowrap" className="jm-hover-reveal-host">
      <Text size="sm" truncate>
        {order.ordererName}
      </Text>
      <Popover opened={opened} onChange={setOpened} position="bottom-start" width={300} shadow="md" withArrow trapFocus returnFocus>
        <Popover.Target>
          <ActionIcon
            variant="subtle"
            size="xs"
            color="gray"
            className="jm-hover-reveal"
            aria-label={t.buyer.open(order.ordererName)}
            onClick={() => setOpened((o) => !o)}
          >
            <span aria-hidden>▼</span>
          </ActionIcon>
        </Popover.Target>
        <Popover.Dropdown aria-label={t.buyer.title}>
          <BuyerDetails order={order} />
        </Popover.Dropdown>
      </Popover>
    </Group>
  );
}
