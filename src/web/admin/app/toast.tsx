import type { ReactNode } from 'react';
import { ToastProvider as SharedToastProvider, type ToastOptions } from '../../shared/toast';
import { useI18n } from './i18n';

export { useToast } from '../../shared/toast';

// bottom right of a desktop screen, up to four at once; across the bottom of a phone narrower than that
const OPTIONS: ToastOptions = { keep: 3, successMs: 4000, style: { position: 'fixed', right: 16, bottom: 16, zIndex: 1000, width: 'min(360px, calc(100vw - 32px))' } };

export function ToastProvider({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  return (
    <SharedToastProvider closeLabel={t.common.close} options={OPTIONS}>
      {children}
    </SharedToastProvider>
  );
}
