import { Table, Text } from '@mantine/core';
import type { Product } from '../../../../../contracts/products';
import { formatNumber, formatWon } from '../../../app/format';
import { useProductsI18n } from '../i18n';
import { optionLabel, optionUnitPrice, signedAmount } from '../model/options';

const numeric = { fontVariantNumeric: 'tabular-nums' } as const;

/** A product's options on sale: values, SKU, extra price, the resulting price and stock. */
export function OptionTable({ product, caption }: { product: Product; caption: string }) {
  const { p, t } = useProductsI18n();
  if (product.options.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {p.noOptions}
      </Text>
    );
  }
  return (
    <Table striped withTableBorder fz="sm" aria-label={caption}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{p.optionColumns.option}</Table.Th>
          <Table.Th>{p.optionColumns.sku}</Table.Th>
          <Table.Th ta="right">{p.optionColumns.extraPrice}</Table.Th>
          <Table.Th ta="right">{p.optionColumns.unitPrice}</Table.Th>
          <Table.Th ta="right">{p.optionColumns.stock}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {product.options.map((option) => (
          <Table.Tr key={option.id}>
            <Table.Td>{optionLabel(option)}</Table.Td>
            <Table.Td>{option.sku ?? t.common.none}</Table.Td>
            <Table.Td ta="right" style={numeric}>
              {signedAmount(option.extraPrice, (n) => formatWon(t, n))}
            </Table.Td>
            <Table.Td ta="right" style={numeric}>
              {formatWon(t, optionUnitPrice(product, option))}
            </Table.Td>
            <Table.Td ta="right" style={numeric}>
              {option.stock === null ? (
                <Text span size="sm" c="dimmed">
                  {p.untracked}
                </Text>
              ) : (
                <Text span size="sm" c={option.stock > 0 ? undefined : 'red'}>
                  {formatNumber(option.stock)}
                </Text>
              )}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
