import { shopPolicySchema, type ShopPolicyDto } from '../../../../../contracts/settings-policy';

/** The screen's fields, as the inputs hold them ('' while empty). */
export const POLICY_FIELDS = ['baseFee', 'freeThreshold', 'jejuFee', 'islandFee', 'returnShippingFee', 'returnWindowDays', 'autoConfirmDays', 'unpaidCancelDays'] as const;
export type PolicyField = (typeof POLICY_FIELDS)[number];
export type PolicyFormValues = Record<PolicyField, number | ''>;

export function formValuesOf(policy: ShopPolicyDto): PolicyFormValues {
  const { baseFee, freeThreshold, jejuFee, islandFee } = policy.shipping;
  return {
    baseFee, freeThreshold: freeThreshold ?? '', jejuFee, islandFee,
    returnShippingFee: policy.returnShippingFee, returnWindowDays: policy.returnWindowDays, autoConfirmDays: policy.autoConfirmDays, unpaidCancelDays: policy.unpaidCancelDays,
  };
}

export type PolicyFormResult = { ok: true; policy: ShopPolicyDto } | { ok: false; errors: Partial<Record<PolicyField, string>> };

/**
 * The policy the fields describe, checked by the same schema the server checks with; an empty free
 * threshold means "never free", any other empty field is missing.
 */
export function policyOfForm(values: PolicyFormValues, requiredMessage: string): PolicyFormResult {
  const errors: Partial<Record<PolicyField, string>> = {};
  for (const field of POLICY_FIELDS) if (field !== 'freeThreshold' && values[field] === '') errors[field] = requiredMessage;
  const num = (field: PolicyField) => (values[field] === '' ? Number.NaN : Number(values[field]));
  const parsed = shopPolicySchema.safeParse({
    shipping: { baseFee: num('baseFee'), freeThreshold: values.freeThreshold === '' ? null : num('freeThreshold'), jejuFee: num('jejuFee'), islandFee: num('islandFee') },
    returnShippingFee: num('returnShippingFee'),
    returnWindowDays: num('returnWindowDays'),
    autoConfirmDays: num('autoConfirmDays'),
    unpaidCancelDays: num('unpaidCancelDays'),
  });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = issue.path.at(-1);
      if (typeof field === 'string' && (POLICY_FIELDS as readonly string[]).includes(field)) errors[field as PolicyField] ??= issue.message;
    }
  }
  return Object.keys(errors).length > 0 || !parsed.success ? { ok: false, errors } : { ok: true, policy: parsed.data };
}

/** Whether two policies hold the same values (the save button waits for a change). */
export const samePolicy = (a: ShopPolicyDto, b: ShopPolicyDto) => JSON.stringify(formValuesOf(a)) === JSON.stringify(formValuesOf(b));
