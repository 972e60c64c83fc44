import { Alert, Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useMemo, useState } from 'react';
import type { BulkJob, BulkRequest, BulkSelection } from '../../../../../contracts/bulk-jobs';
import { errorMessage } from '../../../app/api/client';
import { formatNumber } from '../../../app/format';
import { useBulkPreview, useStartBulkJob } from '../api/bulk-jobs';
import { useBulkI18n } from '../i18n';
import { actionOf, needsInput, SHIP_TABLE_MAX, type BulkActionType, type ShipRow } from '../model/actions';
import { JobView } from './job-view';
import { PreviewPanel } from './preview-panel';
import { useOrderBriefs } from './selected-orders';
import { ShipTable } from './ship-table';
import { StepTrail } from './step-trail';

type Step = 'input' | 'preview' | 'progress';

export interface BulkActionDialogProps {
  type: BulkActionType;
  selection: BulkSelection;
  count: number;
  /** Set once the job has started: the dialog follows it. */
  jobId: number | null;
  onStarted(job: BulkJob): void;
  onOpenTracking(): void;
  onClose(): void;
}

/**
 * 일괄 처리, step by step: what the action needs (tracking numbers, a reason, a memo) → the preview
 * ("N건 중 M건 처리, K건 제외" with the reasons; 처리 only when M > 0) → the job's progress → its result.
 */
export function BulkActionDialog({ type, selection, count, jobId, onStarted, onOpenTracking, onClose }: BulkActionDialogProps) {
  const { b } = useBulkI18n();
  const [step, setStep] = useState<Step>(needsInput(type) ? 'input' : 'preview');
  const [reason, setReason] = useState('');
  const [memo, setMemo] = useState('');
  const [shipRows, setShipRows] = useState<ShipRow[]>([]);
  const action = useMemo(() => actionOf(type, { reason, memo, ship: shipRows }), [type, reason, memo, shipRows]);
  const request: BulkRequest | null = action ? { selection, action } : null;
  const preview = useBulkPreview(step === 'preview' ? request : null);
  const start = useStartBulkJob();
  const current: Step = jobId !== null ? 'progress' : step;
  const steps: Step[] = needsInput(type) ? ['input', 'preview', 'progress'] : ['preview', 'progress'];
  const selectionText = selection.kind === 'filter' ? b.dialog.allMatching(formatNumber(count)) : b.dialog.selectedOrders(formatNumber(count));

  return (
    <Modal opened onClose={onClose} title={b.dialog.title(b.actions[type])} size={type === 'ship' && current === 'input' ? 'xl' : 'lg'} closeButtonProps={{ 'aria-label': b.dialog.close }}>
      <Stack gap="md">
        <StepTrail steps={steps} current={current} labels={{ input: b.dialog.steps.input, preview: b.dialog.steps.preview, progress: `${b.dialog.steps.progress} · ${b.dialog.steps.result}` }} />
        <Text size="sm" c="dimmed">
          {`${selectionText} · ${b.actionHints[type]}`}
        </Text>

        {current === 'input' && (
          <>
            <ActionInput type={type} selection={selection} count={count} reason={reason} memo={memo} shipRows={shipRows} onReason={setReason} onMemo={setMemo} onShipRows={setShipRows} onOpenTracking={onOpenTracking} />
            <Group justify="flex-end">
              <Button variant="default" onClick={onClose}>
                {b.dialog.close}
              </Button>
              <Button onClick={() => setStep('preview')} disabled={action === null}>
                {b.dialog.next}
              </Button>
            </Group>
          </>
        )}

        {current === 'preview' && (
          <>
            <PreviewPanel preview={preview.data} loading={preview.isPending} error={preview.error} onRetry={() => void preview.refetch()} />
            {start.isError && (
              <Alert color="red" role="alert">
                {errorMessage(start.error)}
              </Alert>
            )}
            <Group justify="flex-end">
              {needsInput(type) && (
                <Button variant="default" onClick={() => setStep('input')} mr="auto">
                  {b.dialog.back}
                </Button>
              )}
              <Button variant="default" onClick={onClose}>
                {b.dialog.close}
              </Button>
              <Button
                color={type === 'cancel' ? 'red' : undefined}
                disabled={!preview.data || preview.data.willProcess === 0 || request === null}
                loading={start.isPending}
                onClick={() => request && start.mutate(request, { onSuccess: onStarted })}
              >
                {b.dialog.run}
              </Button>
            </Group>
          </>
        )}

        {current === 'progress' && jobId !== null && (
          <>
            <JobView jobId={jobId} onNavigate={onClose} />
            <Group justify="flex-end">
              <Button variant="default" onClick={onClose}>
                {b.dialog.close}
              </Button>
            </Group>
          </>
        )}
      </Stack>
    </Modal>
  );
}

interface ActionInputProps {
  type: BulkActionType;
  selection: BulkSelection;
  count: number;
  reason: string;
  memo: string;
  shipRows: ShipRow[];
  onReason(value: string): void;
  onMemo(value: string): void;
  onShipRows(rows: ShipRow[]): void;
  onOpenTracking(): void;
}

function ActionInput(props: ActionInputProps) {
  const { b } = useBulkI18n();
  if (props.type === 'cancel') {
    return (
      <Stack gap="sm">
        <Alert color="red" title={b.cancel.warningTitle} role="note">
          {b.cancel.warning}
        </Alert>
        <Textarea label={b.cancel.reason} placeholder={b.cancel.reasonPlaceholder} value={props.reason} onChange={(e) => props.onReason(e.currentTarget.value)} maxLength={500} autosize minRows={2} required data-autofocus />
      </Stack>
    );
  }
  if (props.type === 'add_memo') {
    return <Textarea label={b.memo.body} placeholder={b.memo.placeholder} value={props.memo} onChange={(e) => props.onMemo(e.currentTarget.value)} maxLength={2000} autosize minRows={3} required data-autofocus />;
  }
  if (props.selection.kind === 'filter' || props.count > SHIP_TABLE_MAX) {
    return (
      <Alert color="blue" role="note">
        <Text size="sm">{props.selection.kind === 'filter' ? b.ship.allMatching : b.ship.tooMany(formatNumber(props.count), formatNumber(SHIP_TABLE_MAX))}</Text>
        <Button variant="light" mt="sm" onClick={props.onOpenTracking}>
          {b.ship.openTracking}
        </Button>
      </Alert>
    );
  }
  return <ShipInput ids={props.selection.orderIds} rows={props.shipRows} onRows={props.onShipRows} />;
}

function ShipInput({ ids, rows, onRows }: { ids: number[]; rows: ShipRow[]; onRows(rows: ShipRow[]): void }) {
  const briefs = useOrderBriefs(ids);
  return <ShipTable orders={briefs.orders} rows={rows} loading={briefs.loading} loadError={briefs.failed ? new Error() : null} onChange={onRows} />;
}
