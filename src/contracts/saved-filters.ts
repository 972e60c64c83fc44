import { z } from 'zod';
import { id, isoDateTime } from './common';
import { orderFilterSchema } from './order-filter';

/**
 * Saved filters (저장된 필터): named filter specs, apart from tabs, shared by the shop's staff.
 * Loading one applies its filter to the list; it carries no sort or columns.
 */

/** Enough for any shop's habits; a longer list is no longer something to pick from. */
export const MAX_SAVED_FILTERS = 100;
export const savedFilterNameSchema = z.string().trim().min(1).max(30);

export const savedFilterSchema = z
  .object({
    id,
    name: z.string(),
    filter: orderFilterSchema,
    createdByStaffId: id.nullable(),
    createdAt: isoDateTime,
  })
  .meta({ id: 'SavedFilter' });
export type SavedFilter = z.infer<typeof savedFilterSchema>;

/** In name order by Korean collation (가나다, then Latin letters), as the 저장된 필터 menu lists them. */
export const savedFilterListResponseSchema = z.object({ savedFilters: z.array(savedFilterSchema) }).meta({ id: 'SavedFilterList' });
export type SavedFilterListResponse = z.infer<typeof savedFilterListResponseSchema>;

export const createSavedFilterSchema = z.object({ name: savedFilterNameSchema, filter: orderFilterSchema }).strict().meta({ id: 'CreateSavedFilter' });
export const updateSavedFilterSchema = z
  .object({ name: savedFilterNameSchema.optional(), filter: orderFilterSchema.optional() })
  .strict()
  .meta({ id: 'UpdateSavedFilter' });
export type UpdateSavedFilterRequest = z.infer<typeof updateSavedFilterSchema>;

export const savedFilterParams = z.object({ savedFilterId: z.coerce.number().pipe(id) });
