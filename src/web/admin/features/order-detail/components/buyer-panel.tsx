import { Card, Group, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import type { OrderDetail } from '../../../../../contracts/orders';
import { useDetailI18n } from '../i18n';

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Group justify="space-between" gap="md" wrap="nowrap">
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text size="sm" ta="right" style={{ wordBreak: 'break-all' }}>
        {children}
      </Text>
    </Group>
  );
}

/** 구매자 정보: who ordered — a member (with grade) or a guest. */
export function BuyerPanel({ order }: { order: OrderDetail }) {
  const { d } = useDetailI18n();
  const { orderer } = order;
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="buyer-title">
      <Title order={2} size="h4" id="buyer-title" mb="xs">
        {d.buyer.title}
      </Title>
      <Stack gap={4}>
        <Row label={d.buyer.name}>{orderer.name}</Row>
        <Row label={d.memberType}>{orderer.isMember ? d.member : d.guest}</Row>
        {orderer.isMember && <Row label={d.buyer.grade}>{orderer.gradeName ?? '–'}</Row>}
        {orderer.customerId !== null && <Row label={d.buyer.customerId}>{orderer.customerId}</Row>}
        <Row label={d.buyer.phone}>{orderer.phone}</Row>
        <Row label={d.buyer.email}>{orderer.email ?? '–'}</Row>
      </Stack>
    </Card>
  );
}
