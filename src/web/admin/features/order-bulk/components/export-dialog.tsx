import { Alert, Button, Fieldset, Group, Loader, Modal, NativeSelect, Radio, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useRef, useState } from 'react';
import { COURIER_EXPORT_CODES, COURIER_EXPORT_FORMATS, type CourierExportCode } from '../../../../../contracts/shipping-export';
import { PERSONAL_EXPORT_COLUMNS, type OrderExportRequest } from '../../../../../contracts/excel';
import { PERIOD_FIELDS, type OrderFilter, type OrderPeriod, type OrderSort } from '../../../../../contracts/order-filter';
import type { ColumnLayout } from '../../../../../contracts/views';
import { errorMessage } from '../../../app/api/client';
import { formatNumber } from '../../../app/format';
import { useToast } from '../../../app/toast';
import type { OrderSelection } from '../../order-list/hooks/use-order-selection';
import { columnLabel, orderedColumns } from '../../order-list/model/columns';
import { useMe } from '../../auth/api/me';
import { may } from '../../auth/model/permissions';
import { downloadOrdersExcel, type ExportProgress } from '../api/excel';
import { downloadShippingExport, useShippingForms } from '../api/shipping-export';
import { useBulkI18n } from '../i18n';
import { ShippingFormsDialog } from './shipping-forms-dialog';
import { formatBytes } from '../model/files';
import { defaultExportPeriod, periodIsValid, presetRange, type PeriodPreset } from '../model/period';

export interface ExportDialogProps {
  /** The selection when the dialog opened. */
  selection: OrderSelection;
  viewName: string;
  /** The list's current conditions: the tab's filter with any unsaved change and the search. */
  filter: OrderFilter;
  sort: OrderSort;
  columns: ColumnLayout;
  /** The form chosen when the dialog opens: 'orders' (the list's columns), 'courier:CJ' …, or 'form:<id>'. */
  initialForm?: string;
  /** Viewers export but do not edit forms. */
  mayEditForms: boolean;
  onClose(): void;
}

type Scope = 'conditions' | 'selected';
type Download = { state: 'idle' } | { state: 'running'; progress: ExportProgress } | { state: 'failed'; message: string };
const PRESETS: PeriodPreset[] = ['today', 'week', 'month', 'quarter'];

/**
 * 엑셀 다운로드: the current tab's conditions within a period (default: the last month by order
 * date), or the selected orders; the columns the list shows, in its order. The file streams in and
 * is saved under the server's name.
 */
export function ExportDialog({ selection, viewName, filter, sort, columns, initialForm = 'orders', mayEditForms, onClose }: ExportDialogProps) {
  const { b, t, lang } = useBulkI18n();
  const toast = useToast();
  const [scope, setScope] = useState<Scope>(selection.kind === 'none' ? 'conditions' : 'selected');
  const [period, setPeriod] = useState<OrderPeriod | null>(() => defaultExportPeriod(new Date()));
  const [download, setDownload] = useState<Download>({ state: 'idle' });
  const abort = useRef<AbortController | null>(null);
  const [form, setForm] = useState(initialForm);
  const [editing, setEditing] = useState(false);
  const shopForms = useShippingForms();
  const courier = form.startsWith('courier:') ? COURIER_EXPORT_FORMATS[form.slice(8) as CourierExportCode] : undefined;
  const shopForm = form.startsWith('form:') ? shopForms.data?.find((f) => `form:${f.id}` === form) : undefined;
  const formColumns = courier?.columns ?? shopForm?.columns ?? null;
  const visible = orderedColumns(columns).filter((c) => c.visible).map((c) => c.key);
  const periodOk = periodIsValid(period);
  // personal columns come whole only to managers and owners, for a stated reason (recorded); masked to others
  const me = useMe();
  const personalColumns = !formColumns ? visible.filter((key) => PERSONAL_EXPORT_COLUMNS.includes(key)) : [];
  const needsReason = personalColumns.length > 0 && may(me.data, 'personal.export');
  const [reason, setReason] = useState('');
  const reasonOk = !needsReason || reason.trim() !== '';

  /** Which orders, in which order: the same for the order list's file and a shipping form's. */
  const selected = (): Omit<OrderExportRequest, 'columns'> => {
    if (scope === 'selected' && selection.kind === 'ids') return { sort, orderIds: [...selection.ids] };
    // "검색된 주문 N건 전체": exactly the orders selected, whatever their date
    if (scope === 'selected' && selection.kind === 'all') return { sort, filter: selection.filter };
    return { sort, filter, ...(period ? { period } : {}) };
  };

  const run = async () => {
    const controller = new AbortController();
    abort.current = controller;
    setDownload({ state: 'running', progress: { kind: 'bytes', received: 0 } });
    const progress = (received: number) => setDownload({ state: 'running', progress: { kind: 'bytes', received } });
    try {
      const saved = courier
        ? await downloadShippingExport({ ...selected(), format: courier.code }, progress, controller.signal)
        : shopForm
          ? await downloadShippingExport({ ...selected(), formId: shopForm.id }, progress, controller.signal)
          : await downloadOrdersExcel({ ...selected(), columns: visible, ...(needsReason ? { reason: reason.trim() } : {}) }, (p) => setDownload({ state: 'running', progress: p }), controller.signal);
      toast.success(b.export.saved(saved.fileName));
      onClose();
    } catch (error) {
      if (error instanceof DOMException && error.name === 'AbortError') setDownload({ state: 'idle' });
      else setDownload({ state: 'failed', message: errorMessage(error) });
    } finally {
      abort.current = null;
    }
  };
  const close = () => {
    abort.current?.abort();
    onClose();
  };

  const running = download.state === 'running';
  const progressText = (p: ExportProgress) =>
    p.kind === 'job' ? b.export.jobProgress(formatNumber(p.done), formatNumber(p.total)) : p.received === 0 ? b.export.preparing : b.export.receiving(formatBytes(p.received));
  const setPeriodPart = (patch: Partial<OrderPeriod>) => setPeriod((p) => (p ? { field: p.field, from: p.from, to: p.to, ...patch } : p));

  return (
    <Modal opened onClose={close} title={b.export.title} size="lg" closeButtonProps={{ 'aria-label': t.common.close }}>
      <Stack gap="md">
        <Radio.Group label={b.export.scope} value={scope} onChange={(v) => setScope(v as Scope)}>
          <Stack gap={6} mt={6}>
            <Radio value="conditions" label={b.export.scopeConditions(viewName)} disabled={running} />
            {selection.kind !== 'none' && (
              <Radio
                value="selected"
                disabled={running}
                label={selection.kind === 'ids' ? b.export.scopeSelected(formatNumber(selection.ids.size)) : b.export.scopeAllMatching(formatNumber(selection.total))}
              />
            )}
          </Stack>
        </Radio.Group>

        {scope === 'conditions' && (
          <Fieldset legend={b.export.periodLegend} variant="filled" disabled={running}>
            <Text size="xs" c="dimmed" mb="xs">
              {b.export.conditionsHint}
            </Text>
            <SimpleGrid cols={3} spacing="xs">
              <NativeSelect
                label={b.export.periodField}
                value={period?.field ?? ''}
                onChange={(e) => {
                  const field = PERIOD_FIELDS.find((f) => f === e.currentTarget.value);
                  setPeriod(field ? { ...(period ?? presetRange('month', new Date())), field } : null);
                }}
                data={[{ value: '', label: b.export.noPeriod }, ...PERIOD_FIELDS.map((f) => ({ value: f, label: t.filters.periodFields[f] }))]}
              />
              <TextInput type="date" label={b.export.from} disabled={!period} value={period?.from ?? ''} onChange={(e) => setPeriodPart({ from: e.currentTarget.value || undefined })} error={periodOk ? undefined : b.export.invalidPeriod} />
              <TextInput type="date" label={b.export.to} disabled={!period} value={period?.to ?? ''} onChange={(e) => setPeriodPart({ to: e.currentTarget.value || undefined })} />
            </SimpleGrid>
            <Group gap={4} mt="xs">
              {PRESETS.map((preset) => (
                <Button key={preset} size="compact-xs" variant="default" disabled={!period} onClick={() => setPeriodPart(presetRange(preset, new Date()))}>
                  {b.export.presets[preset]}
                </Button>
              ))}
            </Group>
          </Fieldset>
        )}

        <Group align="flex-end" gap="xs">
          <NativeSelect
            style={{ flex: 1 }}
            label={b.shipping.formLabel}
            value={form}
            disabled={running}
            onChange={(e) => setForm(e.currentTarget.value)}
            data={[
              { value: 'orders', label: b.shipping.ordersForm },
              { group: b.shipping.courierGroup, items: COURIER_EXPORT_CODES.map((code) => ({ value: `courier:${code}`, label: COURIER_EXPORT_FORMATS[code][lang] })) },
              ...(shopForms.data?.length ? [{ group: b.shipping.shopGroup, items: shopForms.data.map((f) => ({ value: `form:${f.id}`, label: f.name })) }] : []),
            ]}
          />
          {mayEditForms && (
            <Button variant="default" onClick={() => setEditing(true)} disabled={running}>
              {b.shipping.manage}
            </Button>
          )}
        </Group>

        {formColumns ? (
          <div>
            <Text size="sm" fw={500}>
              {b.shipping.columns(formColumns.length)}
              {shopForm && ` · ${shopForm.itemLayout === 'row_per_item' ? b.shipping.rowPerItem : b.shipping.merged}`}
            </Text>
            <Text size="xs" c="dimmed" data-testid="export-columns">
              {formColumns.map((c) => c.header).join(' · ')}
            </Text>
            <Text size="xs" c="dimmed" mt={2}>
              {b.shipping.parcelHint}
            </Text>
          </div>
        ) : (
          <div>
            <Text size="sm" fw={500}>
              {b.export.columns(visible.length)}
            </Text>
            <Text size="xs" c="dimmed" data-testid="export-columns">
              {visible.map((key) => columnLabel(key, lang)).join(' · ')}
            </Text>
            <Text size="xs" c="dimmed" mt={2}>
              {b.export.itemColumns}
            </Text>
            {needsReason && (
              <TextInput
                mt="sm"
                required
                label={b.export.reason}
                description={b.export.reasonHint(personalColumns.map((key) => columnLabel(key, lang)).join(', '))}
                value={reason}
                onChange={(e) => setReason(e.currentTarget.value)}
                maxLength={200}
                disabled={running}
              />
            )}
            {personalColumns.length > 0 && !needsReason && (
              <Text size="xs" c="dimmed" mt="xs">
                {b.export.maskedHint(personalColumns.map((key) => columnLabel(key, lang)).join(', '))}
              </Text>
            )}
          </div>
        )}
        {editing && <ShippingFormsDialog onClose={(saved) => { setEditing(false); if (saved !== undefined) setForm(`form:${saved}`); }} />}

        {download.state === 'failed' && (
          <Alert color="red" role="alert">
            {download.message}
          </Alert>
        )}
        {running && (
          <Group gap="xs" role="status">
            <Loader size="sm" />
            <Text size="sm">{progressText(download.progress)}</Text>
          </Group>
        )}

        <Group justify="flex-end">
          {running ? (
            <Button variant="default" onClick={() => abort.current?.abort()}>
              {b.export.stop}
            </Button>
          ) : (
            <Button variant="default" onClick={close}>
              {t.common.cancel}
            </Button>
          )}
          <Button onClick={() => void run()} loading={running} disabled={(scope === 'conditions' && !periodOk) || !reasonOk}>
            {b.export.download}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
