import { EmptyState } from '@mantine/core';
import { useI18n } from '../../../app/i18n';

export function EmptyOrders() {
  const { t } = useI18n();
  return <EmptyState title={t.list.emptyTitle} description={t.list.emptyHint} py="xl" role="status" />;
}
