import { lazy, type ComponentType, type LazyExoticComponent } from 'react';

export type LazyPart<P extends object> = LazyExoticComponent<ComponentType<P>> & {
  /** Starts the download ahead of need (the browser caches the module: it loads once). */
  preload(): void;
};

/**
 * A component whose code is its own chunk, downloaded when first rendered (under a Suspense) or
 * when preloaded: pages, and dialogs the first screen does not open.
 */
export function lazyPart<P extends object>(load: () => Promise<ComponentType<P>>): LazyPart<P> {
  const part = lazy(async () => ({ default: await load() })) as LazyPart<P>;
  part.preload = () => void load().catch(() => undefined);
  return part;
}

/** Runs `work` once the browser has nothing better to do (soon after, where it cannot tell). */
export function whenIdle(work: () => void): () => void {
  if (typeof window.requestIdleCallback === 'function') {
    const id = window.requestIdleCallback(work, { timeout: 3000 });
    return () => window.cancelIdleCallback(id);
  }
  const id = window.setTimeout(work, 500);
  return () => window.clearTimeout(id);
}
