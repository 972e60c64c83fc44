import type { ReactNode } from 'react';
import { ToastProvider as SharedToastProvider, type ToastOptions } from '../../shared/toast';
import { useI18n } from './i18n';

export { useToast } from '../../shared/toast';

// across the bottom on a phone (global.css .my-toasts), fewer at once and a little longer to read
const OPTIONS: ToastOptions = { keep: 2, successMs: 5000, className: 'my-toasts' };

export function ToastProvider({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  return (
    <SharedToastProvider closeLabel={t.common.close} options={OPTIONS}>
      {children}
    </SharedToastProvider>
  );
}
