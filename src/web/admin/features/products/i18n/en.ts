import type { ProductsDictionary } from './ko';

/** The product screens' words in English; same shape as ko.ts. */
export const productsEn: ProductsDictionary = {
  title: 'Products',
  detailTitle: 'Product',
  backToList: 'Back to products',
  readOnlyHint: 'Products are managed by the storefront. This screen is read only.',
  search: 'Search products',
  searchPlaceholder: 'Part of a product name',
  loading: 'Loading products…',
  empty: 'There are no products.',
  emptyForKeyword: 'No product name contains this keyword.',
  loadMore: 'More products',
  notFound: 'The product was not found. It does not exist or belongs to another shop.',
  columns: { name: 'Name', status: 'Status', price: 'Price', options: 'Options' },
  optionColumns: { option: 'Option', sku: 'SKU', extraPrice: 'Extra price', unitPrice: 'Option price', stock: 'Stock' },
  status: { active: 'On sale', hidden: 'Hidden', inactive: 'Deactivated' },
  externalId: 'Storefront product id',
  optionNames: 'Option names',
  noOptions: 'No options',
  noExternalId: 'Created in Jumun',
  untracked: 'Not tracked',
  optionCount: (n: number) => (n === 1 ? '1 option' : `${n} options`),
  openProduct: (name: string) => `Open product: ${name}`,
};
