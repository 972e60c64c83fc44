import type { MyCheckout } from '../../../../../contracts/my';

/**
 * Toss Payments' payment window (SDK v2, "standard"): loaded from Toss only when a shop's gateway
 * is Toss, then `requestPayment` opens the card window; Toss sends the browser on to the
 * checkout's success or fail URL. A window the buyer closes rejects with Toss's code and message.
 */
const SDK_URL = 'https://js.tosspayments.com/v2/standard';

interface TossPaymentRequest {
  method: 'CARD';
  amount: { currency: 'KRW'; value: number };
  orderId: string;
  orderName: string;
  customerName: string;
  successUrl: string;
  failUrl: string;
}
interface TossPaymentsInstance {
  payment(options: { customerKey: string }): { requestPayment(request: TossPaymentRequest): Promise<void> };
}
interface TossPaymentsFactory {
  (clientKey: string): TossPaymentsInstance;
  ANONYMOUS: string;
}
declare global {
  interface Window {
    TossPayments?: TossPaymentsFactory;
  }
}

let loading: Promise<TossPaymentsFactory> | null = null;

function loadSdk(): Promise<TossPaymentsFactory> {
  if (window.TossPayments) return Promise.resolve(window.TossPayments);
  loading ??= new Promise<TossPaymentsFactory>((resolve, reject) => {
    const script = document.createElement('script');
    script.src = SDK_URL;
    script.async = true;
    script.onload = () => (window.TossPayments ? resolve(window.TossPayments) : reject(new Error('Toss Payments SDK did not load')));
    script.onerror = () => reject(new Error('Toss Payments SDK could not be loaded'));
    document.head.appendChild(script);
  }).catch((error: unknown) => {
    loading = null;
    throw error;
  });
  return loading;
}

/** What Toss rejects with when the window did not end in a payment (the buyer closed it …). */
export interface TossWindowError {
  code: string;
  message: string;
}

export function isTossWindowError(value: unknown): value is TossWindowError {
  return typeof value === 'object' && value !== null && typeof (value as { code?: unknown }).code === 'string' && typeof (value as { message?: unknown }).message === 'string';
}

export async function openTossWindow(checkout: MyCheckout): Promise<void> {
  if (!checkout.clientKey) throw new Error('Toss checkout without a client key');
  const TossPayments = await loadSdk();
  const payment = TossPayments(checkout.clientKey).payment({ customerKey: TossPayments.ANONYMOUS });
  await payment.requestPayment({
    method: 'CARD',
    amount: { currency: 'KRW', value: checkout.amount },
    orderId: checkout.gatewayOrderId,
    orderName: checkout.orderName,
    customerName: checkout.customerName,
    successUrl: new URL(checkout.successUrl, window.location.origin).toString(),
    failUrl: new URL(checkout.failUrl, window.location.origin).toString(),
  });
}
