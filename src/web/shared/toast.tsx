import { Notification, Stack } from '@mantine/core';
import { createContext, useCallback, useContext, useMemo, useRef, useState, type CSSProperties, type ReactNode } from 'react';

type ToastKind = 'success' | 'error';
interface Toast {
  id: number;
  kind: ToastKind;
  message: string;
}

export interface ToastApi {
  success(message: string): void;
  error(message: string): void;
}

const ToastContext = createContext<ToastApi | null>(null);

export interface ToastOptions {
  /** how many earlier toasts stay on screen beside a new one */
  keep: number;
  /** how long a success stays, in ms; errors stay 8 s so there is time to read them */
  successMs: number;
  /** where the stack sits: the admin pins it with a style, My Page with a CSS class for phones */
  className?: string;
  style?: CSSProperties;
}

/** A short message after each change (UI.md), read out by screen readers, gone after a few seconds. */
export function ToastProvider({ children, closeLabel, options }: { children: ReactNode; closeLabel: string; options: ToastOptions }) {
  const { keep, successMs } = options;
  const [toasts, setToasts] = useState<Toast[]>([]);
  const nextId = useRef(1);
  const dismiss = useCallback((id: number) => setToasts((list) => list.filter((toast) => toast.id !== id)), []);
  const show = useCallback(
    (kind: ToastKind, message: string) => {
      const id = nextId.current++;
      setToasts((list) => [...list.slice(-keep), { id, kind, message }]);
      window.setTimeout(() => dismiss(id), kind === 'error' ? 8000 : successMs);
    },
    [dismiss, keep, successMs],
  );
  const api = useMemo<ToastApi>(() => ({ success: (m) => show('success', m), error: (m) => show('error', m) }), [show]);
  return (
    <ToastContext.Provider value={api}>
      {children}
      <Stack gap="xs" className={options.className} style={options.style} role="status" aria-live="polite">
        {toasts.map((toast) => (
          <Notification key={toast.id} color={toast.kind === 'error' ? 'red' : 'teal'} withBorder onClose={() => dismiss(toast.id)} closeButtonProps={{ 'aria-label': closeLabel }}>
            {toast.message}
          </Notification>
        ))}
      </Stack>
    </ToastContext.Provider>
  );
}

export function useToast(): ToastApi {
  const value = useContext(ToastContext);
  if (!value) throw new Error('useToast outside ToastProvider');
  return value;
}
