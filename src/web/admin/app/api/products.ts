import { keepPreviousData, useInfiniteQuery, useQueries, useQuery } from '@tanstack/react-query';
import { productListResponseSchema, productSchema, type Product } from '../../../../contracts/products';
import { api } from './client';

/** React Query keys of the catalog; a product read once (by id or in a search) is kept under `one`. */
export const productKeys = {
  all: ['products'] as const,
  search: (keyword: string) => ['products', 'search', keyword] as const,
  one: (productId: number) => ['products', 'one', productId] as const,
};

const PAGE = 20;

const productPath = (productId: number) => `/api/v1/products/${productId}`;

/** Products whose name contains `keyword` (all of them when empty), on sale first; more pages by cursor. */
export function useProductSearch(keyword: string, enabled: boolean) {
  const trimmed = keyword.trim();
  return useInfiniteQuery({
    queryKey: productKeys.search(trimmed),
    queryFn: ({ pageParam, signal }) => {
      const params = new URLSearchParams({ limit: String(PAGE) });
      if (trimmed) params.set('keyword', trimmed);
      if (pageParam) params.set('cursor', pageParam);
      return api.get(`/api/v1/products?${params.toString()}`, productListResponseSchema, signal);
    },
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    // while the next keyword loads, the last answer stays on screen instead of a flash of nothing
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** One product with its options (null: none chosen). A product of another shop or gone answers 404. */
export function useProduct(productId: number | null) {
  return useQuery({
    queryKey: productKeys.one(productId ?? 0),
    queryFn: ({ signal }) => api.get(productPath(productId ?? 0), productSchema, signal),
    enabled: productId !== null,
    staleTime: 5 * 60_000,
  });
}

/**
 * Several products by id, for showing names where only ids are kept (the list's product filter).
 * A product that cannot be read is left out of the map; callers fall back to its number.
 */
export function useProductsById(productIds: readonly number[]): ReadonlyMap<number, Product> {
  return useQueries({
    queries: productIds.map((productId) => ({
      queryKey: productKeys.one(productId),
      queryFn: ({ signal }: { signal: AbortSignal }) => api.get(productPath(productId), productSchema, signal),
      staleTime: 5 * 60_000,
    })),
    combine: (results) => new Map(results.flatMap((r) => (r.data ? [[r.data.id, r.data] as const] : []))),
  });
}
