import { Alert, Anchor, Card, Center, Group, Loader, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useProduct } from '../../../app/api/products';
import { ApiError, errorMessage } from '../../../app/api/client';
import { formatWon } from '../../../app/format';
import { Link } from '../../../app/router';
import { useProductsI18n } from '../i18n';
import { OptionTable } from './option-table';
import { ProductStatusBadge } from './status-badge';

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm">{children}</Text>
    </div>
  );
}

/** One product with its options, read only; the order detail's items link here. */
export function ProductDetailPage({ productId }: { productId: number }) {
  const { p, t } = useProductsI18n();
  const query = useProduct(productId);
  const back = (
    <Anchor component={Link} to="/products" size="sm">
      {p.backToList}
    </Anchor>
  );
  if (query.isPending) {
    return (
      <Center py="xl">
        <Loader aria-label={p.loading} />
      </Center>
    );
  }
  if (query.isError) {
    const notFound = query.error instanceof ApiError && query.error.status === 404;
    return (
      <Stack align="flex-start">
        <Alert color="red" role="alert" title={notFound ? p.notFound : errorMessage(query.error)} />
        {back}
      </Stack>
    );
  }
  const product = query.data;
  return (
    <Stack gap="md">
      {back}
      <Group gap="sm">
        <Title order={1} size="h3">
          {product.name}
        </Title>
        <ProductStatusBadge status={product.status} />
      </Group>
      <Card withBorder>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <Fact label={p.columns.price}>{formatWon(t, product.price)}</Fact>
          <Fact label={p.externalId}>{product.externalId ?? p.noExternalId}</Fact>
          <Fact label={p.optionNames}>{product.optionNames.length > 0 ? product.optionNames.join(' / ') : t.common.none}</Fact>
        </SimpleGrid>
      </Card>
      <Title order={2} size="h5">
        {p.columns.options}
      </Title>
      <OptionTable product={product} caption={`${p.columns.options}: ${product.name}`} />
      <Text size="xs" c="dimmed">
        {p.readOnlyHint}
      </Text>
    </Stack>
  );
}
