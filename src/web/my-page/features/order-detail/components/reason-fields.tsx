import { NativeSelect, Stack, Textarea } from '@mantine/core';
import { CLAIM_REASON_CODES, CLAIM_REASON_LABELS, type ClaimReasonCode } from '../../../../../contracts/claim-reasons';
import { useI18n } from '../../../app/i18n';

export interface Reason {
  code: ClaimReasonCode | '';
  text: string;
}

/** What is missing in a reason: the code, or the words that 기타 needs. */
export function reasonProblem(reason: Reason): 'code' | 'text' | null {
  if (reason.code === '') return 'code';
  if (reason.code === 'other' && reason.text.trim() === '') return 'text';
  return null;
}

/** 사유: one of the shop's reason codes, and the buyer's own words (needed for 기타). */
export function ReasonFields({ reason, onChange, showErrors }: { reason: Reason; onChange(next: Reason): void; showErrors: boolean }) {
  const { t, lang } = useI18n();
  const problem = showErrors ? reasonProblem(reason) : null;
  return (
    <Stack gap="xs">
      <NativeSelect
        label={t.actions.reason}
        required
        value={reason.code}
        error={problem === 'code' ? t.actions.reasonPlaceholder : undefined}
        onChange={(event) => {
          const code = event.currentTarget.value;
          onChange({ ...reason, code: (CLAIM_REASON_CODES as readonly string[]).includes(code) ? (code as ClaimReasonCode) : '' });
        }}
        data={[{ value: '', label: t.actions.reasonPlaceholder }, ...CLAIM_REASON_CODES.map((code) => ({ value: code, label: CLAIM_REASON_LABELS[code][lang] }))]}
      />
      <Textarea
        label={t.actions.reasonText}
        description={t.actions.reasonTextHint}
        required={reason.code === 'other'}
        autosize
        minRows={2}
        maxLength={500}
        value={reason.text}
        error={problem === 'text' ? t.actions.reasonTextRequired : undefined}
        onChange={(event) => onChange({ ...reason, text: event.currentTarget.value })}
      />
    </Stack>
  );
}
