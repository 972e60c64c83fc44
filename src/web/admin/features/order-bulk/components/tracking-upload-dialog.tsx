import { Alert, Anchor, Badge, Button, Group, Loader, Modal, NativeSelect, Paper, ScrollArea, Stack, Switch, Table, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useId, useState, type DragEvent } from 'react';
import { TRACKING_IMPORT_MAX_BYTES, TRACKING_IMPORT_MAX_ROWS, type TrackingImportResult } from '../../../../../contracts/excel';
import { errorMessage } from '../../../app/api/client';
import { useCouriers } from '../../../app/api/couriers';
import { formatNumber } from '../../../app/format';
import { useToast } from '../../../app/toast';
import { downloadTrackingTemplate, uploadTrackingNumbers } from '../api/excel';
import { useBulkI18n } from '../i18n';
import { formatBytes, looksLikeXlsx } from '../model/files';

/**
 * 송장 일괄 등록: an .xlsx chosen or dropped, uploaded as it is; then the verdict of every row
 * (row, 주문번호, 품목번호, 택배사, 송장번호, 결과, 사유) with the totals. The list refreshes after.
 */
export function TrackingUploadDialog({ onChanged, onClose }: { onChanged(): void; onClose(): void }) {
  const { b, t, lang } = useBulkI18n();
  const { couriers } = useCouriers();
  // a courier's own file (송장 출력 returned by its program) may have no 택배사 column
  const [courier, setCourier] = useState('');
  const toast = useToast();
  const inputId = useId();
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);
  const upload = useMutation({
    mutationFn: (chosen: File) => uploadTrackingNumbers(chosen, courier || undefined),
    onSuccess: (result) => {
      onChanged();
      toast.success(b.tracking.doneToast(formatNumber(result.totals.applied), formatNumber(result.totals.rejected)));
    },
  });
  const template = useMutation({ mutationFn: downloadTrackingTemplate, onError: (e) => toast.error(errorMessage(e)) });

  const choose = (chosen: File | undefined) => {
    upload.reset();
    if (!chosen) return;
    if (!looksLikeXlsx(chosen)) {
      setFile(null);
      setFileError(b.tracking.notXlsx);
    } else if (chosen.size > TRACKING_IMPORT_MAX_BYTES) {
      setFile(null);
      setFileError(b.tracking.tooBig(formatBytes(TRACKING_IMPORT_MAX_BYTES)));
    } else {
      setFile(chosen);
      setFileError(null);
    }
  };
  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    choose(event.dataTransfer.files[0]);
  };

  return (
    <Modal opened onClose={onClose} title={b.tracking.title} size={upload.data ? 1100 : 'lg'} closeButtonProps={{ 'aria-label': t.common.close }}>
      <Stack gap="md">
        <Text size="sm">{b.tracking.intro}</Text>
        <Group gap="xs">
          <Anchor
            href="/api/v1/tracking-imports/template"
            size="sm"
            onClick={(event) => {
              // fetched with the screen's language (the template's headers follow it)
              event.preventDefault();
              template.mutate();
            }}
          >
            {b.tracking.template}
          </Anchor>
          {template.isPending && <Loader size="xs" />}
          <Text size="xs" c="dimmed">
            {b.tracking.maxRows(formatNumber(TRACKING_IMPORT_MAX_ROWS))}
          </Text>
        </Group>

        {!upload.data && (
          <NativeSelect
            label={b.shipping.courierPick}
            value={courier}
            onChange={(event) => setCourier(event.currentTarget.value)}
            data={[{ value: '', label: b.shipping.courierAuto }, ...couriers.map((c) => ({ value: c.code, label: c[lang] }))]}
          />
        )}
        {!upload.data && (
          <Paper
            withBorder
            p="lg"
            radius="md"
            bg={dragging ? 'indigo.0' : undefined}
            style={{ borderStyle: 'dashed', borderWidth: 2, textAlign: 'center' }}
            onDragOver={(event) => {
              event.preventDefault();
              setDragging(true);
            }}
            onDragLeave={() => setDragging(false)}
            onDrop={onDrop}
            data-testid="tracking-drop-zone"
          >
            <Stack gap="xs" align="center">
              <Text size="sm">{b.tracking.drop}</Text>
              <input
                id={inputId}
                type="file"
                accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                aria-label={b.tracking.fileLabel}
                style={{ position: 'absolute', width: 1, height: 1, opacity: 0, pointerEvents: 'none' }}
                onChange={(event) => {
                  choose(event.currentTarget.files?.[0]);
                  event.currentTarget.value = '';
                }}
              />
              <Button component="label" htmlFor={inputId} variant="default" disabled={upload.isPending}>
                {b.tracking.choose}
              </Button>
              {file && (
                <Text size="sm" fw={500} data-testid="tracking-file">
                  {b.tracking.chosen(file.name, formatBytes(file.size))}
                </Text>
              )}
            </Stack>
          </Paper>
        )}

        {fileError && (
          <Alert color="red" role="alert">
            {fileError}
          </Alert>
        )}
        {upload.isError && (
          <Alert color="red" role="alert">
            {errorMessage(upload.error)}
          </Alert>
        )}
        {upload.isPending && (
          <Group gap="xs" role="status">
            <Loader size="sm" />
            <Text size="sm">{b.tracking.uploading}</Text>
          </Group>
        )}
        {upload.data && <TrackingResult result={upload.data} />}

        <Group justify="flex-end">
          {upload.data ? (
            <Button
              variant="default"
              onClick={() => {
                upload.reset();
                setFile(null);
              }}
            >
              {b.tracking.another}
            </Button>
          ) : null}
          <Button variant="default" onClick={onClose}>
            {t.common.close}
          </Button>
          {!upload.data && (
            <Button onClick={() => file && upload.mutate(file)} disabled={!file} loading={upload.isPending}>
              {b.tracking.upload}
            </Button>
          )}
        </Group>
      </Stack>
    </Modal>
  );
}

function TrackingResult({ result }: { result: TrackingImportResult }) {
  const { b } = useBulkI18n();
  const [onlyRejected, setOnlyRejected] = useState(false);
  const { totals } = result;
  const rows = onlyRejected ? result.rows.filter((r) => r.outcome === 'rejected') : result.rows;
  const cols = b.tracking.columns;
  return (
    <Stack gap="xs">
      <Text fw={700} data-testid="tracking-totals" aria-live="polite">
        {b.tracking.totals(formatNumber(totals.rows), formatNumber(totals.applied), formatNumber(totals.rejected))}
      </Text>
      <Group gap="md">
        <Text size="sm">{b.tracking.shipped(formatNumber(totals.ordersShipped), formatNumber(totals.parcels), formatNumber(totals.unitsShipped))}</Text>
        {totals.ordersRejected > 0 && (
          <Text size="sm" c="red.8">
            {b.tracking.ordersRejected(formatNumber(totals.ordersRejected))}
          </Text>
        )}
        {totals.skipped > 0 && (
          <Text size="sm" c="dimmed">
            {b.tracking.skippedRows(formatNumber(totals.skipped))}
          </Text>
        )}
        {totals.rejected > 0 && <Switch size="xs" label={b.tracking.onlyRejected} checked={onlyRejected} onChange={(e) => setOnlyRejected(e.currentTarget.checked)} ml="auto" />}
      </Group>
      <ScrollArea.Autosize mah={420} type="auto">
        <Table aria-label={b.tracking.tableLabel} verticalSpacing={4} stickyHeader striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={44}>{cols.row}</Table.Th>
              <Table.Th w={150}>{cols.orderNumber}</Table.Th>
              <Table.Th w={72}>{cols.itemNumber}</Table.Th>
              <Table.Th w={100}>{cols.courier}</Table.Th>
              <Table.Th w={130}>{cols.trackingNumber}</Table.Th>
              <Table.Th w={64}>{cols.outcome}</Table.Th>
              <Table.Th miw={280}>{cols.reason}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => (
              <Table.Tr key={row.row} data-outcome={row.outcome}>
                <Table.Td style={{ fontVariantNumeric: 'tabular-nums' }}>{row.row}</Table.Td>
                <Table.Td>{row.orderNumber ?? ''}</Table.Td>
                <Table.Td>{row.itemNumber ?? ''}</Table.Td>
                <Table.Td>{row.courier ?? ''}</Table.Td>
                <Table.Td>{row.trackingNumber ?? ''}</Table.Td>
                <Table.Td>
                  <Badge color={row.outcome === 'applied' ? 'teal' : 'red'} variant="light" tt="none" size="sm">
                    {row.outcome === 'applied' ? b.tracking.applied : b.tracking.rejected}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" c={row.outcome === 'rejected' ? 'red.8' : 'dimmed'}>
                    {row.message}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea.Autosize>
    </Stack>
  );
}
