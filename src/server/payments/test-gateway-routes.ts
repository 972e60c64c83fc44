import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponseSchema } from '../../contracts/errors';
import { testDepositParamsSchema, testDepositResultSchema, testPaymentConfirmSchema, testPaymentSchema, type TestPayment } from '../../contracts/test-gateway';
import { principalOf } from '../auth/plugin';
import type { Db } from '../db/client';
import { AppError } from '../http/errors';
import { receiveNotification } from './webhooks/service';
import type { CapturedPayment, PaymentGateway } from './gateways/gateway';
import { TestGateway } from './gateways/test-gateway';

function testPaymentOf(orderId: string, p: CapturedPayment): TestPayment {
  return {
    paymentKey: p.gatewayTransactionId,
    orderId,
    method: p.method,
    status: p.status,
    amount: p.amount,
    paidAt: p.paidAt?.toISOString() ?? null,
    card: p.cardCompany ? { company: p.cardCompany, numberMasked: p.cardNumberMasked ?? '', installmentMonths: p.installmentMonths ?? 0 } : null,
    easyPayProvider: p.easyPayProvider,
    virtualAccount: p.virtualAccount ? { ...p.virtualAccount, dueAt: p.virtualAccount.dueAt?.toISOString() ?? null } : null,
    depositSecret: p.depositSecret ?? null,
  };
}

/**
 * The test gateway over HTTP, so that a storefront (the demo's, a developer's) can take a payment
 * and simulate a deposit the way it will with a real PG — confirm on its server, hand the order in,
 * and receive the deposit through Jumun's gateway webhook. Registered only when the test gateway is
 * the one in use: with Toss configured these routes answer 404 like any unknown path.
 */
export const testGatewayRoutes: FastifyPluginAsyncZod<{ db: Db; gateway: PaymentGateway }> = async (app, { db, gateway }) => {
  if (!(gateway instanceof TestGateway)) return;
  const testGateway = gateway;

  app.post(
    '/api/v1/test-gateway/payments/confirm',
    {
      config: { access: 'orders.update' },
      schema: {
        tags: ['payments'],
        summary: '테스트 결제 승인 (Test gateway: confirm a payment)',
        description:
          'What a storefront’s server calls after the buyer’s payment window (Toss: POST /v1/payments/confirm). The paymentKey’s prefix picks the method: ' +
          '`va_` issues a 가상계좌 (status pending, with its account and depositSecret), anything else approves a card. Confirming the same key again ' +
          'answers the same payment. Only while the server runs the built-in test gateway.',
        body: testPaymentConfirmSchema,
        response: { 200: testPaymentSchema, 400: errorResponseSchema, 401: errorResponseSchema, 403: errorResponseSchema, 422: errorResponseSchema },
      },
    },
    async (request) => {
      const result = await testGateway.confirm(request.body);
      if (!result.ok) throw new AppError('TEST_GATEWAY_DECLINED', { gatewayCode: result.code, gatewayMessage: result.message });
      return testPaymentOf(request.body.orderId, result.value);
    },
  );

  app.post(
    '/api/v1/test-gateway/payments/:paymentKey/deposit',
    {
      config: { access: 'orders.update' },
      schema: {
        tags: ['payments'],
        summary: '테스트 가상계좌 입금 (Test gateway: the buyer deposits)',
        description:
          'Simulates the buyer’s bank deposit into a test 가상계좌: the gateway marks it paid and its deposit notice goes through the same path as a real ' +
          'PG’s webhook (`/api/v1/payment-webhooks/test/{shopId}`) for the caller’s shop, so the order’s 입금대기 units become 결제완료.',
        params: testDepositParamsSchema,
        response: { 200: testDepositResultSchema, 400: errorResponseSchema, 401: errorResponseSchema, 403: errorResponseSchema, 422: errorResponseSchema },
      },
    },
    async (request) => {
      const notice = await testGateway.deposit(request.params.paymentKey);
      if (!notice.ok) throw new AppError('TEST_GATEWAY_DECLINED', { gatewayCode: notice.code, gatewayMessage: notice.message });
      const report = await receiveNotification(db, testGateway, { shopId: principalOf(request).shopId, body: notice.value, headers: {} });
      return { outcome: report.outcome, orderId: report.orderId };
    },
  );
};
