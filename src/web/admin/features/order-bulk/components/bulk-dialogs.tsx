import { viewLabel } from '../../../../../contracts/view-names';
import { useBulkI18n } from '../i18n';
import { BulkActionDialog } from './bulk-action-dialog';
import { BulkJobDialog } from './bulk-job-dialog';
import { ExportDialog } from './export-dialog';
import { RecentJobsDrawer } from './recent-jobs-drawer';
import { TrackingUploadDialog } from './tracking-upload-dialog';
import { useMayWork } from './bulk-tools';
import type { OrderBulkController } from './use-order-bulk';

/** The dialogs of the bulk tools; one open at a time, kept at the page so they outlive the selection bar. */
export function BulkDialogs({ bulk }: { bulk: OrderBulkController }) {
  const { dialog, context } = bulk;
  const { lang } = useBulkI18n();
  const mayWork = useMayWork();
  return (
    <>
      {dialog?.kind === 'action' && (
        <BulkActionDialog
          key={dialog.openedAt}
          type={dialog.type}
          selection={dialog.selection}
          count={dialog.count}
          jobId={dialog.jobId ?? null}
          onStarted={bulk.started}
          onOpenTracking={bulk.openTracking}
          onClose={bulk.close}
        />
      )}
      {dialog?.kind === 'job' && <BulkJobDialog key={dialog.jobId} jobId={dialog.jobId} onBack={bulk.openRecent} onClose={bulk.close} />}
      {dialog?.kind === 'export' && (
        <ExportDialog
          key={dialog.openedAt}
          selection={dialog.selection}
          viewName={viewLabel(context.view.name, lang)}
          filter={context.filter}
          sort={context.sort}
          columns={context.columns}
          initialForm={dialog.form}
          mayEditForms={mayWork}
          onClose={bulk.close}
        />
      )}
      {dialog?.kind === 'tracking' && <TrackingUploadDialog key={dialog.openedAt} onChanged={bulk.ordersChanged} onClose={bulk.close} />}
      <RecentJobsDrawer opened={dialog?.kind === 'recent'} onOpenJob={bulk.openJob} onClose={bulk.close} />
    </>
  );
}
