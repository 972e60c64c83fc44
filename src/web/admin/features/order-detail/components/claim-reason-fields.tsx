import { NativeSelect, Stack, Textarea } from '@mantine/core';
import { CLAIM_REASON_CODES, CLAIM_REASON_LABELS, type ClaimReasonCode } from '../../../../../contracts/claim-reasons';
import { useDetailI18n } from '../i18n';

export interface ClaimReason {
  code: ClaimReasonCode | '';
  text: string;
}

export const emptyReason: ClaimReason = { code: '', text: '' };

/** A reason the API accepts: a code, and words when it is 기타. */
export const reasonComplete = (r: ClaimReason) => r.code !== '' && (r.code !== 'other' || r.text.trim() !== '');

/** The request body's reason fields. */
export function reasonBody(r: ClaimReason): { reasonCode: ClaimReasonCode; reasonText?: string } {
  if (r.code === '') throw new Error('reason code missing');
  const words = r.text.trim();
  return { reasonCode: r.code, ...(words ? { reasonText: words } : {}) };
}

/** The reason as the confirm step reads it: "배송 지연: 출고 지연". */
export function useReasonWords() {
  const { lang } = useDetailI18n();
  return (r: ClaimReason) => (r.code === '' ? '' : `${CLAIM_REASON_LABELS[r.code][lang]}${r.text.trim() ? `: ${r.text.trim()}` : ''}`);
}

/** 사유: one of the preset reasons (kept as a code, filterable) and words beside it, required for 기타. */
export function ClaimReasonFields({ value, onChange }: { value: ClaimReason; onChange(next: ClaimReason): void }) {
  const { d, lang } = useDetailI18n();
  const missingText = value.code === 'other' && value.text.trim() === '';
  return (
    <Stack gap="xs">
      <NativeSelect
        label={d.dialog.reason}
        required
        data-autofocus
        value={value.code}
        onChange={(event) => {
          const code = event.currentTarget.value;
          onChange({ ...value, code: (CLAIM_REASON_CODES as readonly string[]).includes(code) ? (code as ClaimReasonCode) : '' });
        }}
        data={[{ value: '', label: d.dialog.reasonChoose }, ...CLAIM_REASON_CODES.map((code) => ({ value: code, label: CLAIM_REASON_LABELS[code][lang] }))]}
      />
      <Textarea
        label={d.dialog.reasonText}
        description={d.dialog.reasonTextHint}
        placeholder={d.dialog.reasonPlaceholder}
        required={value.code === 'other'}
        error={missingText ? d.dialog.reasonTextRequired : undefined}
        autosize
        minRows={2}
        maxLength={500}
        value={value.text}
        onChange={(event) => onChange({ ...value, text: event.currentTarget.value })}
      />
    </Stack>
  );
}
