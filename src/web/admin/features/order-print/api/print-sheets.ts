import { useQuery } from '@tanstack/react-query';
import { printSheetsResponseSchema, type PrintSheetsRequest } from '../../../../../contracts/print-sheets';
import { api } from '../../../app/api/client';
import { useI18n } from '../../../app/i18n';

/**
 * What the pages print (POST /orders/print-sheets, a read). Read once per address and language:
 * a sheet is a snapshot to print, not a live view, so it is not refetched while the tab is open.
 */
export function usePrintSheets(request: PrintSheetsRequest | null) {
  const { lang } = useI18n();
  return useQuery({
    queryKey: ['print-sheets', lang, request],
    queryFn: ({ signal }) => api.query('/api/v1/orders/print-sheets', request, printSheetsResponseSchema, signal),
    enabled: request !== null,
    staleTime: Infinity,
    refetchOnWindowFocus: false,
  });
}
