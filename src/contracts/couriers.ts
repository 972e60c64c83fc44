import { z } from 'zod';

/**
 * The couriers (택배사) the server knows, for pickers. A parcel stores the code; any of the names
 * (and the usual other spellings, "대한통운", "CJ택배" …) is accepted wherever a courier is typed.
 * A courier not in this list may still be typed by hand: it is stored as typed.
 */
export const courierSchema = z
  .object({
    code: z.string().meta({ example: 'CJ' }),
    ko: z.string().meta({ example: 'CJ대한통운' }),
    en: z.string().meta({ example: 'CJ Logistics' }),
  })
  .meta({ id: 'Courier' });
export type CourierDto = z.infer<typeof courierSchema>;

export const courierListSchema = z.object({ couriers: z.array(courierSchema) }).meta({ id: 'CourierList' });
export type CourierList = z.infer<typeof courierListSchema>;
