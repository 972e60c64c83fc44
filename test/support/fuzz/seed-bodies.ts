import { cardPayment, jejuAddress, seoulAddress } from '../fixtures';
import type { Rng } from './random';
import type { World } from './world';

/**
 * Known-good bodies for routes whose rules a schema cannot say (an item is a product or a custom
 * one, the payment matches the total): mutated one field at a time, they reach the handler's own
 * checks and the database, where a schema-made body is refused early.
 */
export const SEED_BODIES: Record<string, (world: World, rng: Rng) => unknown> = {
  'POST /api/v1/orders': (_world, rng) => {
    const twoAddresses = rng.chance(0.3);
    const quantity = rng.int(1, 3);
    const payment = rng.chance(0.7)
      ? cardPayment(30_000 * quantity)
      : { method: 'virtual_account', amount: 30_000 * quantity, status: 'awaiting_deposit', gateway: 'test', virtualAccount: { bank: '신한은행', accountNumber: '56211102345678', holder: '퍼즈샵', dueAt: '2026-11-29T23:59:59+09:00' } };
    return {
      channel: rng.pick(['own_mall', 'naver_smartstore', 'coupang']),
      externalOrderId: rng.chance(0.3) ? `EXT-${rng.int(1, 1e9)}` : undefined,
      orderedAt: '2026-11-26T10:15:00+09:00',
      orderer: { name: '퍼즈', phone: '010-1234-5678', email: 'fuzz@example.kr', guestPassword: '1234' },
      addresses: twoAddresses ? [seoulAddress(), jejuAddress()] : [seoulAddress()],
      items: [
        { custom: { name: '맞춤 액자', optionName: '대형', sku: 'FZ-1', unitPrice: 30_000 }, quantity, addressIndex: 0 },
        ...(twoAddresses ? [{ custom: { name: '포장 서비스', unitPrice: 0 }, quantity: 1, addressIndex: 1 }] : []),
      ],
      shippingFee: 0,
      payment,
    };
  },
};
