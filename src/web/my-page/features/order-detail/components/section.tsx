import { Paper, Title } from '@mantine/core';
import { useId, type ReactNode } from 'react';

/** A titled part of the order page: a landmark region named by its heading. */
export function Section({ title, children, testId }: { title: string; children: ReactNode; testId?: string }) {
  const id = useId();
  return (
    <Paper component="section" withBorder radius="md" p="md" aria-labelledby={id} data-testid={testId}>
      <Title order={2} size="h4" id={id} mb="sm">
        {title}
      </Title>
      {children}
    </Paper>
  );
}

/** Label / value rows (a <dl>), e.g. the payment breakdown. */
export function Facts({ rows }: { rows: Array<{ label: string; value: ReactNode; strong?: boolean; testId?: string } | null | false> }) {
  return (
    <dl className="my-facts">
      {rows.map(
        (row) =>
          row && (
            <div key={row.label} style={{ display: 'contents' }}>
              <dt className={row.strong ? 'my-strong' : undefined}>{row.label}</dt>
              <dd className={row.strong ? 'my-strong' : undefined} data-testid={row.testId}>
                {row.value}
              </dd>
            </div>
          ),
      )}
    </dl>
  );
}
