import { Alert, Anchor, Button, Center, Group, Loader, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { useEffect, useMemo } from 'react';
import { PRINT_SHEET_KINDS, type PrintSheetKind } from '../../../../../contracts/print-sheets';
import { errorMessage } from '../../../app/api/client';
import { formatNumber } from '../../../app/format';
import { LanguageSwitch } from '../../../app/language-switch';
import { Link, navigate, useLocation } from '../../../app/router';
import { usePrintSheets } from '../api/print-sheets';
import { usePrintI18n } from '../i18n';
import { readPrintAddress } from '../model/print-address';
import { PackingSheet } from './packing-sheet';
import { StatementSheet } from './statement-sheet';
import './print-sheets.css';

/**
 * /orders/print: the 주문서 or 거래명세서 of the orders its address names, one A4 sheet each, with
 * no app shell around them — what is on screen is what prints. A toolbar (not printed) switches
 * the sheet and opens the browser's print dialog, where "PDF로 저장" saves a PDF.
 */
export function PrintSheetsPage() {
  const { p } = usePrintI18n();
  const location = useLocation();
  const query = location.search.toString();
  const address = useMemo(() => readPrintAddress(query), [query]);
  const sheets = usePrintSheets(address.ok ? address.request : null);
  const kind: PrintSheetKind = address.ok ? address.kind : 'packing';

  useEffect(() => {
    document.title = `${p.kindShort[kind]} · ${p.pageTitle}`;
  }, [kind, p]);

  const setKind = (next: string) => {
    const params = new URLSearchParams(query);
    params.set('kind', next);
    navigate(`${location.pathname}?${params.toString()}`, { replace: true });
  };

  const count = sheets.data?.orders.length ?? 0;
  return (
    <div className="jm-print-desk">
      <Group className="jm-print-toolbar" justify="space-between" px="md" py="xs" wrap="wrap" role="toolbar" aria-label={p.pageTitle}>
        <Group gap="md" wrap="wrap">
          <Title order={1} size="h4">
            {p.pageTitle}
          </Title>
          <SegmentedControl
            aria-label={p.kindLabel}
            value={kind}
            onChange={setKind}
            disabled={!address.ok}
            data={PRINT_SHEET_KINDS.map((k) => ({ value: k, label: p.kinds[k] }))}
          />
          {sheets.data && <Text size="sm" data-testid="print-count">{p.pages(formatNumber(count))}</Text>}
        </Group>
        <Group gap="md" wrap="wrap">
          <LanguageSwitch />
          <Button onClick={() => window.print()} disabled={count === 0}>
            {p.print}
          </Button>
        </Group>
        <Text size="xs" c="dimmed" w="100%">
          {p.printHint}
        </Text>
      </Group>
      <Sheets address={address} sheets={sheets} kind={kind} />
    </div>
  );
}

function Sheets({ address, sheets, kind }: { address: ReturnType<typeof readPrintAddress>; sheets: ReturnType<typeof usePrintSheets>; kind: PrintSheetKind }) {
  const { p } = usePrintI18n();
  if (!address.ok) return <Problem message={p.badAddress} />;
  if (sheets.isPending) {
    return (
      <Center py="xl" role="status">
        <Group gap="sm">
          <Loader size="sm" />
          <Text>{p.loading}</Text>
        </Group>
      </Center>
    );
  }
  if (sheets.isError) return <Problem message={errorMessage(sheets.error)} onRetry={() => void sheets.refetch()} />;
  if (sheets.data.orders.length === 0) return <Problem message={p.empty} tone="gray" />;
  const Sheet = kind === 'statement' ? StatementSheet : PackingSheet;
  return (
    <main>
      {sheets.data.orders.map((order, index) => (
        <Sheet key={order.id} sheets={sheets.data} order={order} index={index} />
      ))}
    </main>
  );
}

function Problem({ message, onRetry, tone = 'red' }: { message: string; onRetry?: () => void; tone?: 'red' | 'gray' }) {
  const { p } = usePrintI18n();
  return (
    <Center py="xl" px="md">
      <Alert color={tone} role={tone === 'red' ? 'alert' : 'status'} maw={560} w="100%">
        <Stack gap="sm" align="flex-start">
          <Text size="sm">{message}</Text>
          <Group gap="sm">
            {onRetry && (
              <Button size="xs" variant="light" onClick={onRetry}>
                {p.retry}
              </Button>
            )}
            <Anchor component={Link} to="/orders" size="sm">
              {p.toList}
            </Anchor>
          </Group>
        </Stack>
      </Alert>
    </Center>
  );
}
