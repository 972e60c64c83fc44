/**
 * The claim reasons (codes, labels in both languages, who is at fault) for the web apps, which
 * import src/contracts but never src/domain: the one table stays in src/domain/claim-reasons.ts.
 */
export { CLAIM_REASON_CODES, CLAIM_REASON_LABELS, faultOfReason, type ClaimReasonCode } from '../domain/claim-reasons';
