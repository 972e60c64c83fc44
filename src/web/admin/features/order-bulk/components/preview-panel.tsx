import { Alert, Button, Collapse, Group, Loader, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { BulkPreview } from '../../../../../contracts/bulk-jobs';
import { errorMessage } from '../../../app/api/client';
import { formatNumber } from '../../../app/format';
import { useBulkI18n } from '../i18n';

export function Stat({ label, value, color, testId }: { label: string; value: number; color?: string; testId?: string }) {
  const { t } = useBulkI18n();
  return (
    <Paper withBorder p="xs" radius="sm">
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="lg" fw={700} c={color} data-testid={testId} style={{ fontVariantNumeric: 'tabular-nums' }}>
        {t.common.count(formatNumber(value))}
      </Text>
    </Paper>
  );
}

/** "N건 중 M건 처리, K건 제외": the counts, and the left-out orders grouped by reason (labels from the API). */
export function PreviewPanel({ preview, loading, error, onRetry }: { preview: BulkPreview | undefined; loading: boolean; error: unknown; onRetry(): void }) {
  const { b, t } = useBulkI18n();
  const [showReasons, setShowReasons] = useState(false);
  if (loading) {
    return (
      <Group gap="xs" role="status">
        <Loader size="sm" />
        <Text size="sm">{b.preview.counting}</Text>
      </Group>
    );
  }
  if (error || !preview) {
    return (
      <Alert color="red" role="alert" title={errorMessage(error)}>
        <Button variant="light" mt="sm" onClick={onRetry}>
          {t.common.retry}
        </Button>
      </Alert>
    );
  }
  return (
    <Stack gap="sm">
      <Title order={3} size="h4" data-testid="bulk-preview-summary" aria-live="polite">
        {preview.summary}
      </Title>
      <SimpleGrid cols={3} spacing="xs">
        <Stat label={b.preview.matched} value={preview.matched} />
        <Stat label={b.preview.willProcess} value={preview.willProcess} color="indigo.7" testId="bulk-preview-process" />
        <Stat label={b.preview.excluded} value={preview.excluded} color={preview.excluded > 0 ? 'orange.8' : undefined} testId="bulk-preview-excluded" />
      </SimpleGrid>
      {preview.excluded === 0 ? (
        <Text size="sm" c="dimmed">
          {b.preview.noneExcluded}
        </Text>
      ) : (
        <div>
          <Button variant="subtle" size="compact-sm" aria-expanded={showReasons} aria-controls="bulk-exclusions" onClick={() => setShowReasons((s) => !s)}>
            {showReasons ? b.preview.hideReasons : b.preview.showReasons(formatNumber(preview.excluded))}
          </Button>
          <Collapse expanded={showReasons} id="bulk-exclusions">
            <Table aria-label={b.preview.reasonsLabel} mt={4} verticalSpacing={4}>
              <Table.Tbody>
                {preview.exclusions.map((group) => (
                  <Table.Tr key={`${group.code}:${group.orderStatus}`}>
                    <Table.Td>{group.label}</Table.Td>
                    <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>
                      {t.common.count(formatNumber(group.count))}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Collapse>
        </div>
      )}
      {preview.willProcess === 0 && (
        <Alert color="orange" role="alert">
          {b.preview.nothingToProcess}
        </Alert>
      )}
      <Text size="xs" c="dimmed">
        {b.preview.asOfNow}
      </Text>
    </Stack>
  );
}
