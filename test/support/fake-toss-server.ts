/**
 * A local stand-in for api.tosspayments.com that follows Toss's documented requests and answers:
 * Basic auth with the secret key, confirm, cancel (partial via cancelAmount, whole remaining when
 * omitted), Idempotency-Key replay, refundReceiveAccount for a deposited virtual account, the
 * documented error codes, and lookups by paymentKey and orderId. It can answer 500 or hang for the
 * next request, and it records every request so tests can assert exact bodies and headers.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type FakeMethod = 'card' | 'virtual_account' | 'easy_pay' | 'bank_transfer';
export type FakeStatus = 'READY' | 'IN_PROGRESS' | 'WAITING_FOR_DEPOSIT' | 'DONE' | 'CANCELED' | 'PARTIAL_CANCELED' | 'ABORTED' | 'EXPIRED';

export interface RecordedRequest {
  method: string;
  path: string;
  headers: Record<string, string | undefined>;
  body: unknown;
}

interface FakeCancel {
  transactionKey: string;
  cancelAmount: number;
  cancelReason: string;
  taxFreeAmount: number;
  refundableAmount: number;
  canceledAt: string;
  cancelStatus: 'DONE';
}

/** The Payment object, with the fields Toss documents that our adapter reads. */
export interface FakePayment {
  paymentKey: string;
  orderId: string;
  orderName: string;
  method: string;
  status: FakeStatus;
  totalAmount: number;
  balanceAmount: number;
  requestedAt: string;
  approvedAt: string | null;
  secret: string | null;
  card: { issuerCode: string; acquirerCode: string; number: string; installmentPlanMonths: number; approveNo: string; cardType: string } | null;
  virtualAccount: { accountNumber: string; bankCode: string; customerName: string; dueDate: string; refundStatus: string } | null;
  easyPay: { provider: string; amount: number; discountAmount: number } | null;
  cancels: FakeCancel[] | null;
}

export interface PaymentSeed {
  paymentKey: string;
  orderId: string;
  amount: number;
  method: FakeMethod;
  /** READY (the default) is a payment the widget has authenticated and confirm still has to approve. */
  status?: FakeStatus;
  card?: Partial<NonNullable<FakePayment['card']>>;
}

export interface FakeTossServer {
  readonly baseUrl: string;
  readonly secretKey: string;
  readonly requests: RecordedRequest[];
  addPayment(seed: PaymentSeed): FakePayment;
  payment(paymentKey: string): FakePayment | undefined;
  /** The buyer deposits into a virtual account; answers the DEPOSIT_CALLBACK body Toss would post. */
  deposit(paymentKey: string): Record<string, unknown>;
  /** The PAYMENT_STATUS_CHANGED body Toss would post for the payment as it is now. */
  statusChangedWebhook(paymentKey: string): Record<string, unknown>;
  /** The next request is answered with this error, unprocessed. */
  failNext(status?: number, code?: string, message?: string): void;
  /** The next request is never answered; with afterProcessing it is processed first (a lost response). */
  hangNext(options?: { afterProcessing?: boolean }): void;
}

const METHOD_LABELS: Record<FakeMethod, string> = { card: '카드', virtual_account: '가상계좌', easy_pay: '간편결제', bank_transfer: '계좌이체' };

/** Toss writes Payment times as KST with an offset… */
function kst(date: Date): string {
  return `${new Date(date.getTime() + 9 * 3_600_000).toISOString().slice(0, 19)}+09:00`;
}
/** …and webhook envelope times as KST without one, in microseconds. */
function kstBare(date: Date): string {
  return `${new Date(date.getTime() + 9 * 3_600_000).toISOString().slice(0, 23)}000`;
}

type Answer = { status: number; body: unknown };
const error = (status: number, code: string, message: string): Answer => ({ status, body: { code, message } });

export async function startFakeTossServer(options: { secretKey?: string } = {}): Promise<FakeTossServer & { server: Server }> {
  const secretKey = options.secretKey ?? 'test_sk_fake_jumun';
  const expectedAuth = `Basic ${Buffer.from(`${secretKey}:`).toString('base64')}`;
  const payments = new Map<string, FakePayment>();
  const replays = new Map<string, Answer>();
  const requests: RecordedRequest[] = [];
  const faults: Array<{ type: 'fail'; answer: Answer } | { type: 'hang'; afterProcessing: boolean }> = [];
  let serial = 0;

  function confirm(body: Record<string, unknown>): Answer {
    const payment = typeof body.paymentKey === 'string' ? payments.get(body.paymentKey) : undefined;
    if (!payment) return error(404, 'NOT_FOUND_PAYMENT', '존재하지 않는 결제 정보 입니다.');
    if (payment.status !== 'READY' && payment.status !== 'IN_PROGRESS') return error(400, 'ALREADY_PROCESSED_PAYMENT', '이미 처리된 결제 입니다.');
    if (body.orderId !== payment.orderId || body.amount !== payment.totalAmount) {
      return error(400, 'INVALID_REQUEST', '결제 금액 또는 주문번호가 일치하지 않습니다.');
    }
    if (payment.virtualAccount) {
      payment.status = 'WAITING_FOR_DEPOSIT';
      payment.secret = `ps_${randomUUID().replace(/-/g, '')}`;
    } else {
      payment.status = 'DONE';
      payment.approvedAt = kst(new Date());
    }
    return { status: 200, body: payment };
  }

  function cancel(payment: FakePayment, body: Record<string, unknown>): Answer {
    if (typeof body.cancelReason !== 'string' || body.cancelReason.length === 0 || body.cancelReason.length > 200) {
      return error(400, 'INVALID_REQUEST', '취소 사유를 입력해주세요.');
    }
    if (payment.status === 'CANCELED') return error(400, 'ALREADY_CANCELED_PAYMENT', '이미 취소된 결제 입니다.');
    if (!['DONE', 'PARTIAL_CANCELED', 'WAITING_FOR_DEPOSIT'].includes(payment.status)) {
      return error(403, 'NOT_CANCELABLE_PAYMENT', '취소 할 수 없는 결제 입니다.');
    }
    const amount = body.cancelAmount === undefined || body.cancelAmount === null ? payment.balanceAmount : body.cancelAmount;
    if (typeof amount !== 'number' || !Number.isInteger(amount) || amount <= 0) return error(400, 'INVALID_REQUEST', '잘못된 요청입니다.');
    if (amount > payment.balanceAmount) return error(403, 'NOT_CANCELABLE_AMOUNT', '취소 할 수 없는 금액 입니다.');
    if (payment.status === 'WAITING_FOR_DEPOSIT' && amount !== payment.balanceAmount) {
      return error(403, 'NOT_CANCELABLE_AMOUNT', '취소 할 수 없는 금액 입니다.');
    }
    if (payment.virtualAccount && payment.status !== 'WAITING_FOR_DEPOSIT') {
      const account = body.refundReceiveAccount as Record<string, unknown> | undefined;
      if (!account || typeof account.bank !== 'string' || !/^\d{2}$/.test(account.bank) || !account.accountNumber || !account.holderName) {
        return error(400, 'INVALID_REFUND_ACCOUNT_INFO', '환불 계좌번호와 예금주명이 일치하지 않습니다.');
      }
      payment.virtualAccount.refundStatus = 'PENDING';
    }
    payment.balanceAmount -= amount;
    payment.status = payment.balanceAmount === 0 ? 'CANCELED' : 'PARTIAL_CANCELED';
    payment.cancels = [
      ...(payment.cancels ?? []),
      {
        transactionKey: `tx_${String(++serial).padStart(6, '0')}`,
        cancelAmount: amount,
        cancelReason: body.cancelReason,
        taxFreeAmount: 0,
        refundableAmount: payment.balanceAmount,
        canceledAt: kst(new Date()),
        cancelStatus: 'DONE',
      },
    ];
    return { status: 200, body: payment };
  }

  function route(method: string, path: string, headers: IncomingMessage['headers'], body: unknown): Answer {
    if (headers.authorization !== expectedAuth) return error(401, 'UNAUTHORIZED_KEY', '인증되지 않은 시크릿 키 혹은 클라이언트 키 입니다.');
    const input = body && typeof body === 'object' ? (body as Record<string, unknown>) : {};
    // Toss replays the first answer for a repeated Idempotency-Key on the same URL and method.
    const key = typeof headers['idempotency-key'] === 'string' ? `${method} ${path} ${headers['idempotency-key']}` : null;
    const replay = key ? replays.get(key) : undefined;
    if (replay) return replay;
    let answer: Answer;
    const cancelMatch = /^\/v1\/payments\/([^/]+)\/cancel$/.exec(path);
    const byOrder = /^\/v1\/payments\/orders\/([^/]+)$/.exec(path);
    const byKey = /^\/v1\/payments\/([^/]+)$/.exec(path);
    if (method === 'POST' && path === '/v1/payments/confirm') answer = confirm(input);
    else if (method === 'POST' && cancelMatch) {
      const payment = payments.get(decodeURIComponent(cancelMatch[1]!));
      answer = payment ? cancel(payment, input) : error(404, 'NOT_FOUND_PAYMENT', '존재하지 않는 결제 정보 입니다.');
    } else if (method === 'GET' && byOrder) {
      const payment = [...payments.values()].find((p) => p.orderId === decodeURIComponent(byOrder[1]!));
      answer = payment ? { status: 200, body: payment } : error(404, 'NOT_FOUND_PAYMENT', '존재하지 않는 결제 정보 입니다.');
    } else if (method === 'GET' && byKey) {
      const payment = payments.get(decodeURIComponent(byKey[1]!));
      answer = payment ? { status: 200, body: payment } : error(404, 'NOT_FOUND_PAYMENT', '존재하지 않는 결제 정보 입니다.');
    } else answer = error(404, 'NOT_FOUND', '존재하지 않는 정보 입니다.');
    // Answers are copied so a replay shows the payment as it was then, not as it is now.
    answer = { status: answer.status, body: structuredClone(answer.body) };
    if (key && method === 'POST') replays.set(key, answer);
    return answer;
  }

  function send(res: ServerResponse, answer: Answer): void {
    res.writeHead(answer.status, { 'Content-Type': 'application/json; charset=utf-8' });
    res.end(JSON.stringify(answer.body));
  }

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      let body: unknown = null;
      try {
        body = raw ? (JSON.parse(raw) as unknown) : null;
      } catch {
        body = raw;
      }
      const path = (req.url ?? '/').split('?')[0]!;
      const headers: Record<string, string | undefined> = {};
      for (const [name, value] of Object.entries(req.headers)) headers[name] = Array.isArray(value) ? value.join(', ') : value;
      requests.push({ method: req.method ?? 'GET', path, headers, body });
      const fault = faults.shift();
      if (fault?.type === 'fail') return send(res, fault.answer);
      if (fault?.type === 'hang') {
        if (fault.afterProcessing) route(req.method ?? 'GET', path, req.headers, body);
        return; // never answered; the client's timeout or stop() ends it
      }
      send(res, route(req.method ?? 'GET', path, req.headers, body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    server,
    baseUrl: `http://127.0.0.1:${port}`,
    secretKey,
    requests,
    addPayment(seed) {
      const status = seed.status ?? 'READY';
      const now = new Date();
      const settled = status === 'DONE' || status === 'PARTIAL_CANCELED' || status === 'CANCELED';
      const payment: FakePayment = {
        paymentKey: seed.paymentKey,
        orderId: seed.orderId,
        orderName: '테스트 주문',
        method: METHOD_LABELS[seed.method],
        status,
        totalAmount: seed.amount,
        balanceAmount: seed.amount,
        requestedAt: kst(now),
        approvedAt: settled ? kst(now) : null,
        secret: seed.method === 'virtual_account' && status !== 'READY' && status !== 'IN_PROGRESS' ? `ps_${randomUUID().replace(/-/g, '')}` : null,
        card:
          seed.method === 'card'
            ? { issuerCode: '41', acquirerCode: '41', number: '43301234****123*', installmentPlanMonths: 0, approveNo: '00000000', cardType: '신용', ...seed.card }
            : null,
        virtualAccount:
          seed.method === 'virtual_account'
            ? { accountNumber: `X${seed.paymentKey.slice(-6)}0000`, bankCode: '88', customerName: '홍길동', dueDate: kst(new Date(now.getTime() + 3 * 86_400_000)), refundStatus: 'NONE' }
            : null,
        easyPay: seed.method === 'easy_pay' ? { provider: '토스페이', amount: seed.amount, discountAmount: 0 } : null,
        cancels: null,
      };
      payments.set(seed.paymentKey, payment);
      return payment;
    },
    payment: (paymentKey) => payments.get(paymentKey),
    deposit(paymentKey) {
      const payment = payments.get(paymentKey);
      if (!payment?.virtualAccount || payment.status !== 'WAITING_FOR_DEPOSIT' || !payment.secret) {
        throw new Error(`${paymentKey} is not a virtual account waiting for a deposit`);
      }
      payment.status = 'DONE';
      payment.approvedAt = kst(new Date());
      return { createdAt: kstBare(new Date()), secret: payment.secret, orderId: payment.orderId, status: 'DONE', transactionKey: `tx_${String(++serial).padStart(6, '0')}` };
    },
    statusChangedWebhook(paymentKey) {
      const payment = payments.get(paymentKey);
      if (!payment) throw new Error(`no payment ${paymentKey}`);
      return { eventType: 'PAYMENT_STATUS_CHANGED', createdAt: kstBare(new Date()), data: structuredClone(payment) };
    },
    failNext(status = 500, code = 'FAILED_INTERNAL_SYSTEM_PROCESSING', message = '내부 시스템 처리 작업이 실패했습니다. 잠시 후 다시 시도해주세요.') {
      faults.push({ type: 'fail', answer: error(status, code, message) });
    },
    hangNext(options = {}) {
      faults.push({ type: 'hang', afterProcessing: options.afterProcessing ?? false });
    },
  };
}

export async function stopFakeTossServer(fake: { server: Server }): Promise<void> {
  // Hung requests keep their sockets open; close them or close() waits for ever.
  fake.server.closeAllConnections();
  await new Promise<void>((resolve, reject) => fake.server.close((err) => (err ? reject(err) : resolve())));
}
