/**
 * What My Page's pages must be allowed to load for Toss Payments' payment window: its SDK script
 * (js.tosspayments.com), the window it opens in a frame and the calls it makes (*.tosspayments.com).
 * Only for My Page and only when Toss is the gateway: the admin never loads a third-party script.
 */
import type { ExtraSources } from '../http/security';
import type { PaymentGateway } from './gateways/gateway';

export const TOSS_WINDOW_SOURCES: ExtraSources = {
  script: ['https://js.tosspayments.com'],
  frame: ['https://*.tosspayments.com'],
  connect: ['https://*.tosspayments.com'],
};

/** The sources My Page's pages need for the gateway in use; none for the test gateway (its window is ours). */
export function myPageSourcesFor(gateway: PaymentGateway): ExtraSources | undefined {
  return gateway.name === 'toss' ? TOSS_WINDOW_SOURCES : undefined;
}
