import { Text, type TextProps } from '@mantine/core';
import { formatWon } from '../../../app/format';
import { useI18n } from '../../../app/i18n';

/** Won, right-aligned with tabular digits; negative amounts in red. */
export function Money({ amount, signed = false, ...props }: { amount: number; signed?: boolean } & TextProps) {
  const { t } = useI18n();
  const text = signed && amount > 0 ? `+${formatWon(t, amount)}` : formatWon(t, amount);
  return (
    <Text size="sm" ta="right" c={amount < 0 ? 'red.7' : undefined} style={{ fontVariantNumeric: 'tabular-nums' }} {...props}>
      {text}
    </Text>
  );
}
