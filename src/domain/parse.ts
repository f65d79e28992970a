/**
 * Validation at the boundary: zod with its Danish messages, chosen per call (never
 * zod's global configuration, which would change other code in the same process).
 */
import type { z } from 'zod';
import { da } from 'zod/locales';

const danish = da();

/** `schema.safeParse(value)` with zod's Danish messages and each issue's input kept for hints. */
export function safeParseDanish<T extends z.ZodType>(schema: T, value: unknown): z.ZodSafeParseResult<z.output<T>> {
  return schema.safeParse(value, { error: danish.localeError, reportInput: true });
}
