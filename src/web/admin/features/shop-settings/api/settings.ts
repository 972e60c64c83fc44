import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { gatewaySettingsSchema, shopSettingsSchema, type ShopSettings, type UpdateGatewayRequest, type UpdateShopSettingsRequest } from '../../../../../contracts/settings';
import { api } from '../../../app/api/client';

const KEY = ['shop-settings'] as const;
const PATH = '/api/v1/settings';

/** GET /api/v1/settings: every section; secrets only as "set" (and the gateway key's last four). */
export function useShopSettings() {
  return useQuery({ queryKey: KEY, queryFn: ({ signal }) => api.get(PATH, shopSettingsSchema, signal) });
}

/** PATCH /api/v1/settings: the sections sent are replaced whole. */
export function useUpdateShopSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateShopSettingsRequest) => api.patch(PATH, body, shopSettingsSchema),
    onSuccess: (settings) => queryClient.setQueryData(KEY, settings),
  });
}

/** PUT /api/v1/settings/gateway (owner): the secret key is sent only when typed. */
export function useUpdateGateway() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateGatewayRequest) => api.put(`${PATH}/gateway`, body, gatewaySettingsSchema),
    onSuccess: (gateway) => queryClient.setQueryData<ShopSettings>(KEY, (old) => (old ? { ...old, gateway } : old)),
  });
}

/** POST /api/v1/shop/handoff-secret (owner): a new secret, answered this once. */
export function useRotateHandoffSecret() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post('/api/v1/shop/handoff-secret', {}, z.object({ secret: z.string() })),
    onSuccess: () => queryClient.setQueryData<ShopSettings>(KEY, (old) => (old ? { ...old, handoffSecret: { set: true } } : old)),
  });
}
