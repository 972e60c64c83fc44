import { Badge } from '@mantine/core';
import type { Product } from '../../../../../contracts/products';
import { useProductsI18n } from '../i18n';

const COLORS: Record<Product['status'], string> = { active: 'teal', hidden: 'gray', inactive: 'red' };

/** 판매중 / 숨김 / 판매중지, one colour each. */
export function ProductStatusBadge({ status }: { status: Product['status'] }) {
  const { p } = useProductsI18n();
  return (
    <Badge color={COLORS[status]} variant="light">
      {p.status[status]}
    </Badge>
  );
}
