import type { Product, ProductOption } from '../../../../../contracts/products';

/** One option as the screens show it: its values by axis ("색상: 네이비 · 사이즈: M"), else its name. */
export function optionLabel(option: ProductOption): string {
  return option.values.length > 0 ? option.values.map((v) => `${v.name}: ${v.value}`).join(' · ') : option.name;
}

/** What the buyer pays for one unit of the option: the product price plus the option's extra price. */
export const optionUnitPrice = (product: Pick<Product, 'price'>, option: Pick<ProductOption, 'extraPrice'>) => product.price + option.extraPrice;

/** The extra price with its sign, so a discount option reads as one: +2,000 / -1,000 / 0. */
export function signedAmount(amount: number, format: (n: number) => string): string {
  if (amount > 0) return `+${format(amount)}`;
  return format(amount);
}

/** The product screen's address, for links from elsewhere (the order detail's items). */
export const productHref = (productId: number) => `/products/${productId}`;
