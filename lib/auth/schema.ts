import { z } from 'zod';

const email = z.string().trim().toLowerCase().max(254).pipe(z.email());

export const loginSchema = z.object({
  email,
  password: z.string().min(1).max(200),
  callbackUrl: z.string().max(500).optional(),
});

export const magicLinkSchema = z.object({
  email,
  callbackUrl: z.string().max(500).optional(),
});

export const PASSWORD_MIN = 10;

export const accountLinkSchema = z.object({
  token: z.string().min(20).max(100),
  password: z
    .string()
    .min(PASSWORD_MIN)
    .max(200)
    .optional()
    .or(z.literal('').transform(() => undefined)),
});
