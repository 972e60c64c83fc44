import { Center, Loader, Text } from '@mantine/core';
import { useI18n } from '../../../app/i18n';
import { useLocation } from '../../../app/router';
import { useReportCheckoutFailure, type FailParams } from '../api/checkout-result';
import { PayResult } from './pay-success-page';

function failParams(search: URLSearchParams): FailParams | null {
  const orderId = search.get('orderId');
  const code = search.get('code');
  if (!orderId || !code) return null;
  return { orderId, code: code.slice(0, 100), message: search.get('message') };
}

/**
 * /my/pay/fail — the window declined or was closed: the server closes the attempt, and the page
 * says so in the gateway's words with the way back to the order (the request stays payable).
 */
export function PayFailPage() {
  const { t } = useI18n();
  const { search } = useLocation();
  const params = failParams(search);
  const report = useReportCheckoutFailure(params);
  if (params && report.isPending)
    return (
      <Center py="xl">
        <Loader aria-label={t.common.loading} />
      </Center>
    );
  const message = search.get('message') ?? report.data?.message ?? null;
  return (
    <PayResult title={t.pay.notDoneTitle} tone="red" orderNumber={report.data?.orderNumber ?? null}>
      <Text role="alert">{message ?? t.requests.windowClosed}</Text>
    </PayResult>
  );
}
