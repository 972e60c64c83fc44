import type { CatalogProductInput } from '../../contracts/catalog';
import type { OptionValue } from '../db/schema/catalog';
import { AppError } from '../http/errors';

/** An option as it is to be stored: values in the order of the product's option names. */
export interface DesiredOption {
  externalId: string;
  name: string;
  optionValues: OptionValue[];
  sku: string | null;
  extraPrice: number;
  stock: number | null;
  position: number;
}

/** The display name of an option without values: the single variant of a product sold without options. */
export const DEFAULT_OPTION_NAME = '기본';

/**
 * Checks what zod cannot see, the product as a whole, and answers the options as they are to be
 * stored. Pure: the same payload is refused the same way whether it came alone or in a batch.
 */
export function desiredOptions(input: CatalogProductInput): DesiredOption[] {
  const axes = input.optionNames;
  if (new Set(axes).size !== axes.length) throw new AppError('CATALOG_OPTION_NAMES_INVALID', { optionNames: axes });
  if (axes.length === 0 && input.options.length > 1) throw new AppError('CATALOG_DEFAULT_OPTION_ONLY', { options: input.options.length });
  const seenIds = new Set<string>();
  const seenCombinations = new Set<string>();
  return input.options.map((option, position) => {
    if (seenIds.has(option.externalId)) throw new AppError('CATALOG_OPTION_ID_DUPLICATED', { optionIndex: position, externalId: option.externalId });
    seenIds.add(option.externalId);
    const byName = new Map(option.values.map((v) => [v.name, v.value]));
    const matches = option.values.length === axes.length && byName.size === axes.length && axes.every((axis) => byName.has(axis));
    if (!matches) {
      throw new AppError('CATALOG_OPTION_VALUES_MISMATCH', { optionIndex: position, externalId: option.externalId, optionNames: axes, given: option.values.map((v) => v.name) });
    }
    const optionValues = axes.map((axis) => ({ name: axis, value: byName.get(axis) ?? '' }));
    const combination = JSON.stringify(optionValues.map((v) => v.value));
    if (seenCombinations.has(combination)) throw new AppError('CATALOG_OPTION_COMBINATION_DUPLICATED', { optionIndex: position, externalId: option.externalId });
    seenCombinations.add(combination);
    return {
      externalId: option.externalId,
      name: optionValues.length ? optionValues.map((v) => v.value).join(' / ') : DEFAULT_OPTION_NAME,
      optionValues,
      // an empty SKU is no SKU: searching by '' would match every option that has none
      sku: option.sku ? option.sku : null,
      extraPrice: option.extraPrice,
      stock: option.stock,
      position,
    };
  });
}
