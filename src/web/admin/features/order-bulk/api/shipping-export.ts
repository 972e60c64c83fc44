import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  shippingExportFormListSchema,
  shippingExportFormSchema,
  type CreateShippingExportFormRequest,
  type ShippingExportRequest,
} from '../../../../../contracts/shipping-export';
import { api } from '../../../app/api/client';
import { downloadPostedWorkbook, type Downloaded } from './excel';

const FORMS_KEY = ['shipping-export-forms'] as const;

/** The shop's own 송장 출력 forms, by name. */
export function useShippingForms() {
  return useQuery({
    queryKey: FORMS_KEY,
    queryFn: ({ signal }) => api.get('/api/v1/shipping-export-forms', shippingExportFormListSchema, signal).then((r) => r.forms),
  });
}

export function useSaveShippingForm() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, form }: { id: number | null; form: CreateShippingExportFormRequest }) =>
      id === null ? api.post('/api/v1/shipping-export-forms', form, shippingExportFormSchema) : api.patch(`/api/v1/shipping-export-forms/${id}`, form, shippingExportFormSchema),
    onSettled: () => queryClient.invalidateQueries({ queryKey: FORMS_KEY }),
  });
}

export function useDeleteShippingForm() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => api.delete(`/api/v1/shipping-export-forms/${id}`, shippingExportFormListSchema),
    onSuccess: (result) => queryClient.setQueryData(FORMS_KEY, result.forms),
    onSettled: () => queryClient.invalidateQueries({ queryKey: FORMS_KEY }),
  });
}

/** 송장 출력: the selection in a courier's or the shop's form, one row per parcel. */
export function downloadShippingExport(request: ShippingExportRequest, onProgress: (received: number) => void, signal: AbortSignal): Promise<Downloaded> {
  return downloadPostedWorkbook('/api/v1/orders/shipping-export', request, { ko: '송장출력.xlsx', en: 'shipping.xlsx' }, onProgress, signal);
}
