import { Badge, CheckIcon, Combobox, Group, InputBase, Loader, Pill, PillsInput, Text, useCombobox, type ComboboxStore } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type ReactNode } from 'react';
import type { Product, ProductOption } from '../../../../contracts/products';
import { productKeys, useProduct, useProductSearch, useProductsById } from '../api/products';
import { formatNumber, formatWon } from '../format';
import { useI18n, type Dictionary } from '../i18n';

/**
 * Picking from the shop's catalog by typing part of a product's name (two Korean syllables are
 * enough): `ProductPicker` chooses one item to sell — a product, or one of its options when it has
 * any — and `ProductMultiPicker` chooses products (e.g. the order list's product filter). Both
 * search the server (GET /api/v1/products) as the user types, products on sale first.
 */

/** What `ProductPicker` keeps: the product, and the option when the product has options. */
export interface ProductPick {
  productId: number;
  optionId: number | null;
}

export interface ProductChoice {
  product: Product;
  option: ProductOption | null;
}

/** As order items name themselves: `상품명 / 옵션명`. */
export const choiceName = (product: Pick<Product, 'name'>, option: Pick<ProductOption, 'name'> | null) => (option ? `${product.name} / ${option.name}` : product.name);
const unitPrice = (product: Product, option: ProductOption | null) => product.price + (option?.extraPrice ?? 0);
const MORE = 'more';

/** The search box text, what it has found so far (every page loaded), and the cache a choice goes into. */
function useCatalogSearch(store: ComboboxStore) {
  const [search, setSearch] = useState('');
  const [keyword] = useDebouncedValue(search, 200);
  const query = useProductSearch(keyword, store.dropdownOpened);
  const products = query.data?.pages.flatMap((page) => page.items) ?? [];
  const queryClient = useQueryClient();
  // keyboard users: Enter takes the first match of the new answer
  const answer = query.data;
  useEffect(() => {
    if (answer && store.dropdownOpened) store.selectFirstOption();
    // only when an answer arrives: the store object is new on every render
  }, [answer]);
  return {
    search,
    setSearch,
    products,
    query,
    /** A chosen product is known by id from then on (its name on chips and in the closed picker). */
    remember: (product: Product) => queryClient.setQueryData(productKeys.one(product.id), product),
  };
}

function Facts({ product, option, t }: { product: Product; option: ProductOption | null; t: Dictionary }) {
  const stock = option ? option.stock : null;
  return (
    <Group gap={6} wrap="nowrap">
      {product.status === 'hidden' && (
        <Badge size="xs" color="gray" variant="light">
          {t.products.hidden}
        </Badge>
      )}
      {stock !== null && (
        <Text size="xs" c={stock > 0 ? 'dimmed' : 'red'}>
          {stock > 0 ? t.products.stock(formatNumber(stock)) : t.products.soldOut}
        </Text>
      )}
      <Text size="sm" fw={500} style={{ whiteSpace: 'nowrap' }}>
        {formatWon(t, unitPrice(product, option))}
      </Text>
    </Group>
  );
}

/** The same facts as one line of text (under the closed picker). */
function factsText(product: Product, option: ProductOption | null, t: Dictionary): string {
  const parts = [formatWon(t, unitPrice(product, option))];
  if (option && option.stock !== null) parts.push(option.stock > 0 ? t.products.stock(formatNumber(option.stock)) : t.products.soldOut);
  if (product.status === 'hidden') parts.push(t.products.hidden);
  return parts.join(' · ');
}

/** Below the options: searching, nothing found, or more pages to load. */
function ResultsFooter({ query, count, t }: { query: ReturnType<typeof useProductSearch>; count: number; t: Dictionary }) {
  if (query.isFetching && !query.isFetchingNextPage && count === 0) {
    return (
      <Combobox.Empty>
        <Group gap="xs" justify="center">
          <Loader size="xs" />
          {t.products.searching}
        </Group>
      </Combobox.Empty>
    );
  }
  if (query.isError) return <Combobox.Empty>{query.error.message}</Combobox.Empty>;
  if (count === 0 && query.isSuccess) return <Combobox.Empty>{t.products.noResults}</Combobox.Empty>;
  if (!query.hasNextPage) return null;
  return (
    <Combobox.Option value={MORE} disabled={query.isFetchingNextPage}>
      <Group gap="xs" justify="center">
        {query.isFetchingNextPage && <Loader size="xs" />}
        <Text size="sm" c="blue">
          {t.products.loadMore}
        </Text>
      </Group>
    </Combobox.Option>
  );
}

export interface ProductPickerProps {
  label: string;
  value: ProductPick | null;
  /** A product with options is chosen by one of its options; one without, by itself (`option` null). */
  onChange(choice: ProductChoice): void;
  required?: boolean;
  error?: ReactNode;
  placeholder?: string;
}

/** One catalog item to sell. Closed, it shows the choice with its unit price (and stock when tracked). */
export function ProductPicker({ label, value, onChange, required, error, placeholder }: ProductPickerProps) {
  const { t } = useI18n();
  const combobox = useCombobox({ onDropdownClose: () => combobox.resetSelectedOption() });
  const catalog = useCatalogSearch(combobox);
  const chosen = useProduct(value?.productId ?? null);
  const chosenProduct = chosen.data;
  const chosenOption = (value && value.optionId !== null && chosenProduct?.options.find((o) => o.id === value.optionId)) || null;
  const closedText = !value ? '' : chosenProduct ? choiceName(chosenProduct, chosenOption) : chosen.isError ? t.products.unknown(value.productId) : '';

  const submit = (val: string) => {
    if (val === MORE) {
      void catalog.query.fetchNextPage();
      return;
    }
    const [productId, optionId] = val.split(':').map((part) => (part === '' ? null : Number(part)));
    const product = catalog.products.find((p) => p.id === productId);
    if (!product) return;
    catalog.remember(product);
    onChange({ product, option: product.options.find((o) => o.id === optionId) ?? null });
    catalog.setSearch('');
    combobox.closeDropdown();
  };

  return (
    <Combobox store={combobox} onOptionSubmit={submit}>
      <Combobox.Target withExpandedAttribute>
        <InputBase
          label={label}
          required={required}
          error={error}
          placeholder={placeholder ?? t.products.searchPlaceholder}
          description={chosenProduct ? factsText(chosenProduct, chosenOption, t) : undefined}
          rightSection={chosen.isLoading ? <Loader size="xs" /> : <Combobox.Chevron />}
          rightSectionPointerEvents="none"
          value={combobox.dropdownOpened ? catalog.search : closedText}
          onChange={(event) => {
            catalog.setSearch(event.currentTarget.value);
            combobox.openDropdown();
          }}
          onClick={() => combobox.openDropdown()}
          onFocus={() => combobox.openDropdown()}
          onBlur={() => {
            combobox.closeDropdown();
            catalog.setSearch('');
          }}
        />
      </Combobox.Target>
      <Combobox.Dropdown>
        <Combobox.Options mah={300} style={{ overflowY: 'auto' }} aria-label={label}>
          {catalog.products.map((product) =>
            product.options.length === 0 ? (
              <Combobox.Option key={product.id} value={`${product.id}:`} active={value?.productId === product.id} aria-selected={value?.productId === product.id} aria-label={`${product.name} · ${formatWon(t, product.price)}`}>
                <Group justify="space-between" wrap="nowrap" gap="sm">
                  <Text size="sm">{product.name}</Text>
                  <Facts product={product} option={null} t={t} />
                </Group>
              </Combobox.Option>
            ) : (
              <Combobox.Group key={product.id} label={`${product.name} · ${t.products.optionCount(product.options.length)}`}>
                {product.options.map((option) => (
                  <Combobox.Option
                    key={option.id}
                    value={`${product.id}:${option.id}`}
                    active={value?.productId === product.id && value.optionId === option.id}
                    aria-selected={value?.productId === product.id && value.optionId === option.id}
                    disabled={option.stock === 0}
                    aria-label={`${choiceName(product, option)} · ${formatWon(t, unitPrice(product, option))}${option.stock === 0 ? ` · ${t.products.soldOut}` : ''}`}
                  >
                    <Group justify="space-between" wrap="nowrap" gap="sm" pl="xs">
                      <Text size="sm">{option.name}</Text>
                      <Facts product={product} option={option} t={t} />
                    </Group>
                  </Combobox.Option>
                ))}
              </Combobox.Group>
            ),
          )}
          <ResultsFooter query={catalog.query} count={catalog.products.length} t={t} />
        </Combobox.Options>
      </Combobox.Dropdown>
    </Combobox>
  );
}

export interface ProductMultiPickerProps {
  /** The accessible name of the search box (the field's visible label is the caller's, e.g. a legend). */
  label: string;
  value: readonly number[];
  onChange(productIds: number[]): void;
  placeholder?: string;
  description?: ReactNode;
}

/** Several products by name; a chosen one shows as a pill with its name (read by id when only the id is known). */
export function ProductMultiPicker({ label, value, onChange, placeholder, description }: ProductMultiPickerProps) {
  const { t } = useI18n();
  const combobox = useCombobox({ onDropdownClose: () => combobox.resetSelectedOption() });
  const catalog = useCatalogSearch(combobox);
  const known = useProductsById(value);
  const nameOf = (productId: number) => known.get(productId)?.name ?? t.products.unknown(productId);

  const toggle = (productId: number) => onChange(value.includes(productId) ? value.filter((id) => id !== productId) : [...value, productId]);
  const submit = (val: string) => {
    if (val === MORE) {
      void catalog.query.fetchNextPage();
      return;
    }
    const product = catalog.products.find((p) => p.id === Number(val));
    if (!product) return;
    catalog.remember(product);
    toggle(product.id);
    catalog.setSearch('');
  };

  return (
    <Combobox store={combobox} onOptionSubmit={submit}>
      <Combobox.DropdownTarget>
        <PillsInput description={description} rightSection={<Combobox.Chevron />} rightSectionPointerEvents="none" onClick={() => combobox.openDropdown()}>
          <Pill.Group>
            {value.map((productId) => (
              <Pill key={productId} withRemoveButton onRemove={() => toggle(productId)} removeButtonProps={{ 'aria-label': t.products.remove(nameOf(productId)), 'aria-hidden': false }}>
                {nameOf(productId)}
              </Pill>
            ))}
            <Combobox.EventsTarget withExpandedAttribute>
              <PillsInput.Field
                aria-label={label}
                placeholder={value.length === 0 ? (placeholder ?? t.products.searchPlaceholder) : undefined}
                value={catalog.search}
                onChange={(event) => {
                  catalog.setSearch(event.currentTarget.value);
                  combobox.openDropdown();
                }}
                onFocus={() => combobox.openDropdown()}
                onBlur={() => {
                  combobox.closeDropdown();
                  catalog.setSearch('');
                }}
                onKeyDown={(event) => {
                  const last = value[value.length - 1];
                  if (event.key === 'Backspace' && catalog.search === '' && last !== undefined) {
                    event.preventDefault();
                    toggle(last);
                  }
                }}
              />
            </Combobox.EventsTarget>
          </Pill.Group>
        </PillsInput>
      </Combobox.DropdownTarget>
      <Combobox.Dropdown>
        <Combobox.Options mah={300} style={{ overflowY: 'auto' }} aria-label={label}>
          {catalog.products.map((product) => {
            const selected = value.includes(product.id);
            return (
              <Combobox.Option key={product.id} value={String(product.id)} active={selected} aria-selected={selected} aria-label={`${product.name} · ${formatWon(t, product.price)}`}>
                <Group justify="space-between" wrap="nowrap" gap="sm">
                  <Group gap={6} wrap="nowrap">
                    {selected ? <CheckIcon size={12} /> : <span style={{ width: 12 }} />}
                    <Text size="sm">{product.name}</Text>
                    {product.options.length > 0 && (
                      <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                        {t.products.optionCount(product.options.length)}
                      </Text>
                    )}
                  </Group>
                  <Facts product={product} option={null} t={t} />
                </Group>
              </Combobox.Option>
            );
          })}
          <ResultsFooter query={catalog.query} count={catalog.products.length} t={t} />
        </Combobox.Options>
      </Combobox.Dropdown>
    </Combobox>
  );
}
