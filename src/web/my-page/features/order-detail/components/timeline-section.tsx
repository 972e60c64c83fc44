import { Badge, Group, Stack, Text } from '@mantine/core';
import type { MyOrderDetail } from '../../../../../contracts/my';
import { useFormat } from '../../../app/format';
import { useI18n } from '../../../app/i18n';
import { Section } from './section';

const ACTOR_COLOR = { buyer: 'indigo', shop: 'gray', system: 'cyan' } as const;

/** 주문 이력: the events the buyer may see, newest first, with who (나 / 쇼핑몰 / 시스템) and when. */
export function TimelineSection({ timeline }: { timeline: MyOrderDetail['timeline'] }) {
  const { t } = useI18n();
  const f = useFormat();
  const entries = [...timeline].sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : b.id - a.id));
  return (
    <Section title={t.detail.timeline}>
      {entries.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t.detail.noTimeline}
        </Text>
      ) : (
        <Stack gap="sm" component="ol" style={{ listStyle: 'none', padding: 0, margin: 0 }} data-testid="timeline">
          {entries.map((entry) => (
            <Stack key={entry.id} gap={2} component="li">
              <Group gap={6}>
                <Badge size="sm" variant="light" color={ACTOR_COLOR[entry.actor]} tt="none">
                  {t.detail.actors[entry.actor]}
                </Badge>
                <Text size="xs" c="dimmed">
                  {f.dateTime(entry.at)}
                </Text>
              </Group>
              <Text size="sm">{entry.description}</Text>
            </Stack>
          ))}
        </Stack>
      )}
    </Section>
  );
}
