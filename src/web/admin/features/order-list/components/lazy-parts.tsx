import { Suspense, useState, type ReactNode } from 'react';
import { OrderDetailPage } from '../../../app/routes';
import { lazyPart } from '../../../../shared/lazy';

/**
 * The list's dialogs are chunks of their own: the filter panel (its number, date and product
 * fields), the column settings (drag and drop) and the bulk tools' dialogs are not needed to show
 * the first page of orders. They are fetched once the list has shown its rows (preloadListParts),
 * so a click opens them as fast as before.
 */
export const FilterDrawer = lazyPart(() => import('./filter-drawer').then((m) => m.FilterDrawer));
export const ColumnSettingsModal = lazyPart(() => import('./column-settings-modal').then((m) => m.ColumnSettingsModal));
export const BulkDialogs = lazyPart(() => import('../../order-bulk/components/bulk-dialogs').then((m) => m.BulkDialogs));

/** What a person on the list opens next: its dialogs, and an order. */
export function preloadListParts() {
  for (const part of [FilterDrawer, ColumnSettingsModal, BulkDialogs, OrderDetailPage]) part.preload();
}

/**
 * Mounts a lazy dialog from the first time it is opened on (kept mounted after, so it plays its
 * closing transition), showing nothing in the moment its code may still be on its way.
 */
export function OnceOpened({ open, children }: { open: boolean; children: ReactNode }) {
  const [once, setOnce] = useState(open);
  if (open && !once) setOnce(true);
  return once || open ? <Suspense fallback={null}>{children}</Suspense> : null;
}
