import { Alert, Button, Center, Loader, Table, Text } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { errorMessage } from '../../../app/api/client';
import { useAuditI18n } from '../i18n';

/** What both logs' pages read of their paged query. */
interface PagedLog {
  isPending: boolean;
  isError: boolean;
  error: unknown;
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage(): Promise<unknown>;
}

/** A log's table: its error, a loader while the first page comes, the rows, "none", and 더 보기. */
export function LogResults({ query, label, columns, count, children }: { query: PagedLog; label: string; columns: readonly string[]; count: number; children: ReactNode }) {
  const { a } = useAuditI18n();
  return (
    <>
      {query.isError && <Alert color="red">{errorMessage(query.error)}</Alert>}
      {query.isPending ? (
        <Center p="lg">
          <Loader />
        </Center>
      ) : (
        <Table striped withTableBorder aria-label={label}>
          <Table.Thead>
            <Table.Tr>
              {columns.map((h) => (
                <Table.Th key={h}>{h}</Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>{children}</Table.Tbody>
        </Table>
      )}
      {!query.isPending && count === 0 && <Text c="dimmed">{a.empty}</Text>}
      {query.hasNextPage && (
        <Button variant="default" onClick={() => void query.fetchNextPage()} loading={query.isFetchingNextPage}>
          {a.more}
        </Button>
      )}
    </>
  );
}

/**
 * A log's filter as typed (draft) and as asked for (applied, empty values left out): dates wait for
 * 검색, a choice from a list applies at once.
 */
export function useLogFilter<F extends object>() {
  const [draft, setDraft] = useState<F>({} as F);
  const [filter, setFilter] = useState<F>({} as F);
  const clean = (f: F) => Object.fromEntries(Object.entries(f).filter(([, v]) => v !== undefined && v !== '')) as F;
  return {
    draft,
    filter,
    edit: (part: Partial<F>) => setDraft((d) => ({ ...d, ...part })),
    apply: (next: F = draft) => {
      setDraft(next);
      setFilter(clean(next));
    },
  };
}
