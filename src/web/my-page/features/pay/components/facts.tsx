import type { ReactNode } from 'react';

/** Label / value rows of a payment result. */
export function Facts({ rows }: { rows: Array<{ label: string; value: ReactNode } | null> }) {
  return (
    <dl className="my-facts">
      {rows.map(
        (row) =>
          row && (
            <div key={row.label} style={{ display: 'contents' }}>
              <dt>{row.label}</dt>
              <dd>{row.value}</dd>
            </div>
          ),
      )}
    </dl>
  );
}
