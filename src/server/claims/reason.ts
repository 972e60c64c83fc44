import { faultOfReason, type ClaimReasonCode } from '../../domain/claim-reasons';
import { AppError } from '../http/errors';

/** A staff or API claim request's reason fields (src/contracts/claims.ts claimReason). */
export interface ReasonFields {
  reasonCode?: ClaimReasonCode | undefined;
  reasonText?: string | undefined;
  reason?: string | undefined;
}

/**
 * The reason as the claim stores it. A request with only the older free-text `reason` is kept as
 * 기타 with that text, so every claim staff open has a code to filter by and reads the same way.
 */
export function claimReasonOf(body: ReasonFields): { reasonCode: ClaimReasonCode; reasonText: string | null } {
  const reasonCode = body.reasonCode ?? (body.reason ? 'other' : undefined);
  if (!reasonCode) throw new AppError('CLAIM_REASON_REQUIRED', { field: 'reasonCode' });
  const reasonText = body.reasonText?.trim() || body.reason?.trim() || null;
  if (reasonCode === 'other' && !reasonText) throw new AppError('CLAIM_REASON_TEXT_REQUIRED', { field: 'reasonText' });
  return { reasonCode, reasonText };
}

/** Who caused a return or exchange: as staff said, else as the reason implies. */
export function faultOf(fault: 'buyer' | 'shop' | undefined, reasonCode: ClaimReasonCode): 'buyer' | 'shop' {
  return fault ?? faultOfReason(reasonCode);
}
