import type { RefundExplanationLineDto, RefundProposalDto } from '../../../contracts/claims';
import type { RefundProposal } from '../../../domain/refund-calculator';
import { EXPLAINED_COMPONENTS, REFUND_REASON_CODES, type RefundReasonLine } from '../../../domain/refund-explanation';
import { describeRefundReason } from '../../../domain/refund-explanation-text';
import type { Lang } from '../../http/errors';

const isOneOf = <T extends string>(list: readonly T[], v: unknown): v is T => typeof v === 'string' && (list as readonly string[]).includes(v);
const isFigure = (v: unknown): v is number | string | null => v === null || typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v));

/**
 * The stored explanation (refunds.explanation: the calculator's lines, codes and figures, no words)
 * read back leniently: a line this version does not know is left out rather than failing the read.
 */
export function readStoredExplanation(stored: unknown): RefundReasonLine[] {
  if (!Array.isArray(stored)) return [];
  return stored.filter(
    (l): l is RefundReasonLine =>
      typeof l === 'object' && l !== null && isOneOf(REFUND_REASON_CODES, (l as Record<string, unknown>).code) &&
      isOneOf(EXPLAINED_COMPONENTS, (l as Record<string, unknown>).component) && Number.isSafeInteger((l as Record<string, unknown>).amount) &&
      Object.values(l as Record<string, unknown>).every(isFigure),
  );
}

/** The lines as the API answers them: code and figures, and the sentence in the reader's language. */
export function explanationDto(lines: readonly RefundReasonLine[], lang: Lang): RefundExplanationLineDto[] {
  return lines.map((line) => {
    const { component, code, amount, ...figures } = line;
    return { component, code, amount, text: describeRefundReason(line, lang), figures };
  });
}

/** A proposal as the API answers it: its explanation in words. */
export function proposalDto(p: RefundProposal, lang: Lang): RefundProposalDto {
  return { ...p, explanation: explanationDto(p.explanation, lang) };
}
