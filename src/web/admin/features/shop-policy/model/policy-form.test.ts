import { describe, expect, it } from 'vitest';
import type { ShopPolicyDto } from '../../../../../contracts/settings-policy';
import { formValuesOf, policyOfForm, samePolicy } from './policy-form';

const DEFAULT_SHOP_POLICY: ShopPolicyDto = {
  shipping: { baseFee: 3000, freeThreshold: 50000, jejuFee: 3000, islandFee: 5000 },
  returnShippingFee: 3000,
  returnWindowDays: 7,
  autoConfirmDays: 7,
  unpaidCancelDays: 3,
};

describe('the policy form', () => {
  it('gives back the policy it was filled with; an empty free threshold is "never free"', () => {
    expect(policyOfForm(formValuesOf(DEFAULT_SHOP_POLICY), '필수')).toEqual({ ok: true, policy: DEFAULT_SHOP_POLICY });
    const never = policyOfForm({ ...formValuesOf(DEFAULT_SHOP_POLICY), freeThreshold: '' }, '필수');
    expect(never.ok && never.policy.shipping.freeThreshold).toBeNull();
  });

  it('names each field that is missing or out of range, as the server would refuse it', () => {
    const result = policyOfForm({ ...formValuesOf(DEFAULT_SHOP_POLICY), baseFee: '', jejuFee: -1, returnWindowDays: 0, autoConfirmDays: 2.5 }, '필수');
    expect(result).toEqual({ ok: false, errors: { baseFee: '필수', jejuFee: '0원 이상이어야 합니다', returnWindowDays: '1일 이상이어야 합니다', autoConfirmDays: '일 단위 정수로 입력하세요' } });
  });

  it('compares policies by their values', () => {
    expect(samePolicy(DEFAULT_SHOP_POLICY, structuredClone(DEFAULT_SHOP_POLICY))).toBe(true);
    expect(samePolicy(DEFAULT_SHOP_POLICY, { ...DEFAULT_SHOP_POLICY, returnWindowDays: 8 })).toBe(false);
  });
});
