import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  policyPreviewSchema,
  shopPolicyVersionSchema,
  updateShopPolicyResponseSchema,
  type PolicyPreviewRequest,
  type ShopPolicyDto,
} from '../../../../../contracts/settings-policy';
import { api } from '../../../app/api/client';

const PATH = '/api/v1/settings/policy';
export const shopPolicyKeys = {
  current: ['shop-policy'] as const,
  preview: (body: PolicyPreviewRequest | null) => ['shop-policy', 'preview', body] as const,
};

/** GET /api/v1/settings/policy: the version new orders are placed under, with when and by whom it was set. */
export function useShopPolicy() {
  return useQuery({ queryKey: shopPolicyKeys.current, queryFn: ({ signal }) => api.get(PATH, shopPolicyVersionSchema, signal) });
}

/** PUT /api/v1/settings/policy: a new version for new orders (the server writes nothing when unchanged). */
export function useSaveShopPolicy() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (policy: ShopPolicyDto) => api.put(PATH, policy, updateShopPolicyResponseSchema),
    onSuccess: ({ changed: _changed, ...version }) => queryClient.setQueryData(shopPolicyKeys.current, version),
  });
}

/** POST /api/v1/settings/policy/preview for the edited values; the last answer stays while the next is asked. */
export function usePolicyPreview(body: PolicyPreviewRequest | null) {
  return useQuery({
    queryKey: shopPolicyKeys.preview(body),
    queryFn: () => api.post(`${PATH}/preview`, body, policyPreviewSchema),
    enabled: body !== null,
    placeholderData: keepPreviousData,
  });
}
