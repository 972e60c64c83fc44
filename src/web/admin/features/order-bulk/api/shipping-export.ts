import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { XLSX_CONTENT_TYPE } from '../../../../../contracts/excel';
import {
  shippingExportFormListSchema,
  shippingExportFormSchema,
  type CreateShippingExportFormRequest,
  type ShippingExportRequest,
} from '../../../../../contracts/shipping-export';
import { api } from '../../../app/api/client';
import { getLang } from '../../../app/i18n';
import { fileNameOf } from '../model/files';
import { readAll, saveFile, type Downloaded } from './excel';
import { rawFetch } from './http';

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

/** 송장 출력: POST the selection and the form, receive the streamed .xlsx, save it under the server's name. */
export async function downloadShippingExport(request: ShippingExportRequest, onProgress: (received: number) => void, signal: AbortSignal): Promise<Downloaded> {
  const response = await rawFetch('/api/v1/orders/shipping-export', {
    method: 'POST',
    body: JSON.stringify(request),
    contentType: 'application/json',
    accept: `${XLSX_CONTENT_TYPE}, application/json`,
    signal,
  });
  const blob = await readAll(response, onProgress);
  const fileName = fileNameOf(response.headers.get('content-disposition'), getLang() === 'ko' ? '송장출력.xlsx' : 'shipping.xlsx');
  saveFile(blob, fileName);
  return { fileName, size: blob.size };
}
