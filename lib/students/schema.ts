import { z } from 'zod';

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((v) => (v === '' ? null : v))
    .nullable()
    .optional();

export const updateContactSchema = z.object({
  studentId: z.uuid(),
  phone: optionalText(40).refine((v) => v == null || /^[+0-9 ()-]{6,40}$/.test(v), { message: 'phone' }),
  email: z
    .string()
    .trim()
    .toLowerCase()
    .max(254)
    .pipe(z.email())
    .or(z.literal('').transform(() => null))
    .nullable()
    .optional(),
});
