import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { ApiError } from '../../../app/api/client';

/** A change refused because the order moved on since this screen loaded it (409 ORDER_VERSION_CONFLICT). */
export interface Conflict {
  /** The version this screen had loaded. */
  mine: number | null;
  /** The order's version now, as the server said. */
  current: number | null;
  /** When this screen last loaded the order (ms): events after it are what changed. */
  loadedAt: number;
}

export const isVersionConflict = (error: unknown): error is ApiError => error instanceof ApiError && error.code === 'ORDER_VERSION_CONFLICT';

interface ConflictApi {
  conflict: Conflict | null;
  report(error: ApiError): void;
  clear(): void;
}

const ConflictContext = createContext<ConflictApi | null>(null);

export function ConflictProvider({ loadedAt, children }: { loadedAt: number; children: ReactNode }) {
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const report = useCallback(
    (error: ApiError) => {
      const num = (v: unknown) => (typeof v === 'number' ? v : null);
      const details = error.details ?? {};
      setConflict({ mine: num(details.expectedVersion) ?? num(details.baseVersion), current: num(details.currentVersion), loadedAt });
    },
    [loadedAt],
  );
  const clear = useCallback(() => setConflict(null), []);
  const value = useMemo(() => ({ conflict, report, clear }), [conflict, report, clear]);
  return <ConflictContext.Provider value={value}>{children}</ConflictContext.Provider>;
}

export function useConflict(): ConflictApi {
  const value = useContext(ConflictContext);
  if (!value) throw new Error('useConflict outside ConflictProvider');
  return value;
}
