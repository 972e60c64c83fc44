import { List, Text } from '@mantine/core';
import type { RefundExplanationLineDto } from '../../../../../contracts/claims';
import { useDetailI18n } from '../i18n';

/**
 * Why a figure of a refund is what it is: the server's sentences for that component, in the
 * reader's language ("남은 상품 40,000원이 무료배송 기준 50,000원 미만이 되어 …"). A figure with no
 * lines (zero, untouched) shows nothing.
 */
export function RefundWhy({ lines, component, label }: { lines: readonly RefundExplanationLineDto[]; component: RefundExplanationLineDto['component']; label: string }) {
  const { d } = useDetailI18n();
  const mine = lines.filter((l) => l.component === component);
  return <Sentences lines={mine} label={d.refund.why(label)} pl="xs" inline />;
}

/** Every line of a stored refund, in order: the refund's record says how it was worked out. */
export function RefundExplanation({ lines }: { lines: readonly RefundExplanationLineDto[] }) {
  const { d } = useDetailI18n();
  return <Sentences lines={lines} label={d.refund.explanation} pl="sm" inline={false} />;
}

/** The sentences as a small dimmed list named `label`; nothing when there are none. */
function Sentences({ lines, label, pl, inline }: { lines: readonly RefundExplanationLineDto[]; label: string; pl: string; inline: boolean }) {
  if (lines.length === 0) return null;
  return (
    <List size="xs" spacing={2} aria-label={label} pl={pl} {...(inline ? { styles: { itemWrapper: { display: 'inline' } } } : {})}>
      {lines.map((l, i) => (
        <List.Item key={`${l.code}-${i}`}>
          <Text size="xs" c="dimmed" span>
            {l.text}
          </Text>
        </List.Item>
      ))}
    </List>
  );
}
