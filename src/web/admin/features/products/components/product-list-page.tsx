import { Alert, Anchor, Button, Center, EmptyState, Loader, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import type { Product } from '../../../../../contracts/products';
import { useProductSearch } from '../../../app/api/products';
import { errorMessage } from '../../../app/api/client';
import { formatWon } from '../../../app/format';
import { Link } from '../../../app/router';
import { useProductsI18n } from '../i18n';
import { optionLabel, productHref } from '../model/options';
import { ProductStatusBadge } from './status-badge';

/**
 * 상품: the shop's catalog as the storefront sent it, read only. Searches by part of the name (the
 * staff product search: on sale first, then hidden; deactivated products are not listed).
 */
export function ProductListPage() {
  const { p } = useProductsI18n();
  const [search, setSearch] = useState('');
  const [keyword] = useDebouncedValue(search, 250);
  const query = useProductSearch(keyword, true);
  const products = query.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <Stack gap="sm">
      <Title order={1} size="h3">
        {p.title}
      </Title>
      <Text size="sm" c="dimmed">
        {p.readOnlyHint}
      </Text>
      <TextInput label={p.search} placeholder={p.searchPlaceholder} value={search} onChange={(e) => setSearch(e.currentTarget.value)} maw={360} type="search" />
      {query.isPending ? (
        <Center py="xl">
          <Loader aria-label={p.loading} />
        </Center>
      ) : query.isError ? (
        <Alert color="red" role="alert" title={errorMessage(query.error)} />
      ) : products.length === 0 ? (
        <EmptyState title={keyword.trim() ? p.emptyForKeyword : p.empty} py="xl" role="status" />
      ) : (
        <ProductTable products={products} />
      )}
      {query.hasNextPage && (
        <Button variant="default" onClick={() => void query.fetchNextPage()} loading={query.isFetchingNextPage} style={{ alignSelf: 'flex-start' }}>
          {p.loadMore}
        </Button>
      )}
    </Stack>
  );
}

function ProductTable({ products }: { products: Product[] }) {
  const { p, t } = useProductsI18n();
  return (
    <Table highlightOnHover withTableBorder stickyHeader aria-label={p.title}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{p.columns.name}</Table.Th>
          <Table.Th>{p.columns.status}</Table.Th>
          <Table.Th ta="right">{p.columns.price}</Table.Th>
          <Table.Th>{p.columns.options}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {products.map((product) => (
          <Table.Tr key={product.id}>
            <Table.Td>
              <Anchor component={Link} to={productHref(product.id)} fw={500} size="sm">
                {product.name}
              </Anchor>
              {product.externalId && (
                <Text size="xs" c="dimmed">
                  {product.externalId}
                </Text>
              )}
            </Table.Td>
            <Table.Td>
              <ProductStatusBadge status={product.status} />
            </Table.Td>
            <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>
              {formatWon(t, product.price)}
            </Table.Td>
            <Table.Td>
              {product.options.length === 0 ? (
                <Text size="sm" c="dimmed">
                  {p.noOptions}
                </Text>
              ) : (
                <Text size="sm" title={product.options.map(optionLabel).join('\n')}>
                  {p.optionCount(product.options.length)}: {product.options.map((o) => o.name).join(', ')}
                </Text>
              )}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
