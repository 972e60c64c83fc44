import { Alert, Button, Drawer, Group, Loader, Paper, Progress, Stack, Text, UnstyledButton } from '@mantine/core';
import { errorMessage } from '../../../app/api/client';
import { formatNumber, formatSeoulDateTime } from '../../../app/format';
import { useRecentBulkJobs } from '../api/bulk-jobs';
import { useBulkI18n } from '../i18n';
import { isFinished } from '../model/actions';
import { JobStatusBadge } from './job-view';

/** 최근 일괄 처리: the shop's latest jobs (the API keeps 20); each opens its progress or result. */
export function RecentJobsDrawer({ opened, onOpenJob, onClose }: { opened: boolean; onOpenJob(jobId: number): void; onClose(): void }) {
  const { b, t } = useBulkI18n();
  const jobs = useRecentBulkJobs(opened);
  return (
    <Drawer opened={opened} onClose={onClose} position="right" size="md" title={b.recent.title} closeButtonProps={{ 'aria-label': t.common.close }}>
      {jobs.isPending && <Loader size="sm" aria-label={t.common.loading} />}
      {jobs.isError && (
        <Alert color="red" role="alert" title={errorMessage(jobs.error)}>
          <Button variant="light" mt="sm" onClick={() => void jobs.refetch()}>
            {t.common.retry}
          </Button>
        </Alert>
      )}
      {jobs.data?.length === 0 && (
        <Text size="sm" c="dimmed">
          {b.recent.empty}
        </Text>
      )}
      {jobs.data && jobs.data.length > 0 && (
        <Stack gap="xs" component="ul" m={0} p={0} style={{ listStyle: 'none' }} aria-label={b.recent.title}>
          {jobs.data.map((job) => {
            const at = formatSeoulDateTime(job.createdAt);
            return (
              <li key={job.id}>
                <UnstyledButton onClick={() => onOpenJob(job.id)} aria-label={b.recent.open(job.actionLabel, at)} w="100%">
                  <Paper withBorder p="xs" radius="sm" className="jm-tab">
                    <Group justify="space-between" wrap="nowrap">
                      <Text fw={600} size="sm">
                        {job.actionLabel}
                      </Text>
                      <JobStatusBadge status={job.status} />
                    </Group>
                    <Text size="xs" c="dimmed">
                      {`${at} · ${t.common.count(formatNumber(job.total))}`}
                    </Text>
                    <Text size="sm">{b.job.summary(formatNumber(job.processed), formatNumber(job.skipped), formatNumber(job.failed))}</Text>
                    {!isFinished(job.status) && <Progress value={job.total === 0 ? 0 : (job.done / job.total) * 100} size="sm" mt={4} animated />}
                  </Paper>
                </UnstyledButton>
              </li>
            );
          })}
        </Stack>
      )}
    </Drawer>
  );
}
