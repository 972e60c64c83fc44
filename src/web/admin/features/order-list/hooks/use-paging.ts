import { useState } from 'react';

/**
 * Keyset paging: the cursors of the pages visited, so 이전 goes back without OFFSET. A new query
 * (`key`: filter and sort) starts again at the first page.
 */
export function usePaging(key: string) {
  const [state, setState] = useState<{ key: string; cursors: Array<string | undefined>; index: number }>({ key, cursors: [undefined], index: 0 });
  const current = state.key === key ? state : { key, cursors: [undefined], index: 0 };
  return {
    index: current.index,
    cursor: current.cursors[current.index],
    hasPrevious: current.index > 0,
    next(nextCursor: string) {
      const cursors = [...current.cursors.slice(0, current.index + 1), nextCursor];
      setState({ key, cursors, index: current.index + 1 });
    },
    previous() {
      if (current.index > 0) setState({ ...current, index: current.index - 1 });
    },
  };
}
