import { Button, Group, Modal, Stack } from '@mantine/core';
import { useBulkJob } from '../api/bulk-jobs';
import { useBulkI18n } from '../i18n';
import { JobView } from './job-view';

/** A job opened again from 최근 일괄 처리: its progress or result. */
export function BulkJobDialog({ jobId, onBack, onClose }: { jobId: number; onBack(): void; onClose(): void }) {
  const { b } = useBulkI18n();
  const job = useBulkJob(jobId);
  return (
    <Modal opened onClose={onClose} title={b.recent.resultTitle(job.data?.actionLabel ?? '')} size="lg" closeButtonProps={{ 'aria-label': b.dialog.close }}>
      <Stack gap="md">
        <JobView jobId={jobId} onNavigate={onClose} />
        <Group justify="space-between">
          <Button variant="subtle" onClick={onBack}>
            {b.recent.title}
          </Button>
          <Button variant="default" onClick={onClose}>
            {b.dialog.close}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
