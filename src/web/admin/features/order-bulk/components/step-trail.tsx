import { Group, Text } from '@mantine/core';

/** Where the dialog stands: 입력 › 미리보기 › 진행 › 결과, the current step marked for screen readers too. */
export function StepTrail<S extends string>({ steps, current, labels }: { steps: readonly S[]; current: S; labels: Record<S, string> }) {
  const at = steps.indexOf(current);
  return (
    <Group component="ol" gap={6} m={0} p={0} style={{ listStyle: 'none' }}>
      {steps.map((step, i) => (
        <Group component="li" key={step} gap={6} aria-current={i === at ? 'step' : undefined}>
          {i > 0 && (
            <Text span c="dimmed" size="sm" aria-hidden>
              ›
            </Text>
          )}
          <Text span size="sm" fw={i === at ? 700 : 400} c={i === at ? 'indigo.7' : i < at ? undefined : 'dimmed'}>
            {`${i + 1}. ${labels[step]}`}
          </Text>
        </Group>
      ))}
    </Group>
  );
}
