/**
 * The zod building blocks every contract uses: ids, codes, paging, flags, texts, dates, phones, versions,
 * list pages and the error body. Messages follow the current language (../lang.ts).
 */
import { z } from 'zod';
import { localized } from '../lang.ts';
import { PHONE_MESSAGE, phoneKind } from '../phone.ts';

const MAX_ID = 2_147_483_647;

/** A database id in a query string, path or body (coerced from text). */
export const QueryId = z.coerce.number<number | string>().int().positive().max(MAX_ID);
/** A database id in a JSON body. */
export const Id = z.number().int().positive().max(MAX_ID);
export const IdParam = z.object({ id: QueryId });
export const CodeParam = z.object({ code: z.string().max(20) });
/** A region code (short or padded) in a query or body; the scope resolver checks it exists and is in scope. */
export const RegionCode = z.string().max(20);

/** A year in a query string. */
export const QueryYear = z.coerce.number<number | string>().int().min(2000).max(2100);
export const Year = z.number().int().min(2000).max(2100);

/** A query-string flag: "true" or "false" (absent: undefined). */
export const QueryFlag = z
  .enum(['true', 'false'])
  .optional()
  .transform((v) => (v === undefined ? undefined : v === 'true'));

export const Paging = {
  page: z.coerce.number<number | string>().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number<number | string>().int().min(1).max(500).default(20),
};
/** Paging of the help-force lists (at most 200 rows a page). */
export const ForcePaging = {
  page: Paging.page,
  pageSize: z.coerce.number<number | string>().int().min(1).max(200).default(20),
};

/** A required, trimmed text of 1..max characters. */
export const text = (max: number) => z.string().trim().min(1).max(max);
/** An optional, nullable, trimmed text of at most `max` characters. */
export const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();

export const DateString = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, localized('日期格式应为 YYYY-MM-DD', 'Dates are written YYYY-MM-DD'));

/** A phone number: mobile or landline with area code (or its mask, sent back unchanged); optional, nullable. */
export const Phone = z
  .string()
  .trim()
  .refine((s) => phoneKind(s) !== null, localized(PHONE_MESSAGE.zh, PHONE_MESSAGE.en))
  .nullable()
  .optional();

/**
 * The version of an editable record. Reads return it (and an ETag); writes send it back (or If-Match) and
 * lose with 409 VERSION_CONFLICT when someone else saved first.
 */
export const Version = z.number().int().positive().max(MAX_ID);
export const VersionField = { version: Version.optional() };

/** An approver's decision on a request (leave, recall): approve or reject, with a note. */
export const DecisionBody = z.object({ approve: z.boolean(), note: optionalText(500) });

export const listOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), total: z.number() });

export const ErrorSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
    current: z.unknown().optional(),
  }),
});
