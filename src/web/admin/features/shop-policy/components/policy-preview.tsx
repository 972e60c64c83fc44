import { Alert, Card, Group, NumberInput, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import type { PolicyPreview as PreviewDto, ShopPolicyDto } from '../../../../../contracts/settings-policy';
import { errorMessage } from '../../../app/api/client';
import { formatWon } from '../../../app/format';
import { usePolicyPreview } from '../api/policy';
import { useShopPolicyI18n } from '../i18n';

const POSTCODE = /^\d{5}$/;
type Row = 'base' | 'remote' | 'total' | 'toPay';
const ROWS: readonly Row[] = ['base', 'remote', 'total', 'toPay'];

/**
 * What a sample cart (items amount and postcode) pays now and under the values being edited,
 * asked of the server (the same fee rule intake charges by) a moment after the last keystroke.
 */
export function PolicyPreview({ edited }: { edited: ShopPolicyDto | null }) {
  const { p, t } = useShopPolicyI18n();
  const [itemsAmount, setItemsAmount] = useState<number | ''>(30000);
  const [postcode, setPostcode] = useState('63122');
  const validPostcode = POSTCODE.test(postcode.trim());
  const body = edited && itemsAmount !== '' && validPostcode ? { policy: edited, itemsAmount, postcodes: [postcode.trim()] } : null;
  const [debounced] = useDebouncedValue(body, 300);
  const query = usePolicyPreview(debounced);
  const preview: PreviewDto | undefined = body ? query.data : undefined;
  const area = preview?.areas[0];

  return (
    <Card withBorder padding="md" component="section" aria-labelledby="policy-preview-title">
      <Title order={2} size="h4" id="policy-preview-title" mb={4}>
        {p.preview.title}
      </Title>
      <Text size="xs" c="dimmed" mb="sm">
        {p.preview.hint}
      </Text>
      <Group align="flex-start" gap="md" mb="sm" wrap="wrap">
        <NumberInput
          label={p.preview.itemsAmount}
          value={itemsAmount}
          onChange={(v) => setItemsAmount(typeof v === 'number' ? v : '')}
          thousandSeparator=","
          allowDecimal={false}
          allowNegative={false}
          rightSection={<Text size="xs" c="dimmed">{p.won}</Text>}
          rightSectionWidth={44}
          w={180}
        />
        <TextInput
          label={p.preview.postcode}
          description={p.preview.postcodeHint}
          value={postcode}
          onChange={(e) => setPostcode(e.currentTarget.value)}
          error={postcode.trim() !== '' && !validPostcode ? p.preview.postcodeInvalid : undefined}
          inputMode="numeric"
          maxLength={5}
          w={240}
        />
      </Group>
      {query.isError && <Alert color="red" role="alert" title={errorMessage(query.error)} mb="sm" />}
      {area && (
        <Text size="sm" mb="xs" data-testid="preview-area">
          {p.preview.areaOf(area.postcode, p.preview.area[area.area ?? 'none'])}
        </Text>
      )}
      <Table aria-label={p.preview.title} withTableBorder striped maw={480} aria-busy={query.isFetching}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{p.preview.row}</Table.Th>
            <Table.Th ta="right">{p.preview.current}</Table.Th>
            <Table.Th ta="right">{p.preview.proposed}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {ROWS.map((row) => (
            <Table.Tr key={row} data-testid={`preview-${row}`}>
              <Table.Th scope="row" fw={row === 'toPay' ? 700 : 400}>
                {p.preview[row]}
              </Table.Th>
              <Table.Td ta="right">{preview ? formatWon(t, preview.current[row]) : '–'}</Table.Td>
              <Table.Td ta="right" fw={preview && preview.current[row] !== preview.proposed[row] ? 700 : undefined}>
                {preview ? formatWon(t, preview.proposed[row]) : '–'}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {!preview && (
        <Text size="xs" c="dimmed" mt="xs">
          {p.preview.waiting}
        </Text>
      )}
    </Card>
  );
}
