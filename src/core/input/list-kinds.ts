// What each input list holds: its column, its noun for messages and the schema that checks and normalises a value.
import { z } from 'zod';
import { hashtagKey, hashtagProblem, stripHash } from '../../shared/hashtag';
import { normaliseUsername, usernameProblem } from '../../shared/username';

export interface ListKind {
  column: string;
  /** What the list holds, for messages. */
  noun: string;
  schema: z.ZodType<string, string>;
}

const hashtagSchema = z
  .string()
  .transform((raw) => hashtagKey(stripHash(raw)))
  .superRefine((v, ctx) => {
    const problem = hashtagProblem(v);
    if (problem !== undefined) ctx.addIssue({ code: 'custom', message: problem });
  });

// TikTok usernames: the one grammar in shared/username.ts (own accounts and suggestions use it too).
export const usernameSchema = z
  .string()
  .transform(normaliseUsername)
  .superRefine((v, ctx) => {
    const problem = usernameProblem(v);
    if (problem !== undefined) ctx.addIssue({ code: 'custom', message: problem });
  });

const regionSchema = z
  .string()
  .transform((raw) => raw.trim().toUpperCase())
  .superRefine((v, ctx) => {
    if (v === '') ctx.addIssue({ code: 'custom', message: 'empty region code' });
    else if (!/^[A-Z]{2}$/.test(v))
      ctx.addIssue({ code: 'custom', message: 'a region code is two letters (ISO 3166-1 alpha-2), e.g. US' });
  });

export const TAGS: ListKind = { column: 'tag', noun: 'hashtag', schema: hashtagSchema };
export const CREATORS: ListKind = { column: 'unique_id', noun: 'username', schema: usernameSchema };
export const REGIONS: ListKind = { column: 'code', noun: 'region code', schema: regionSchema };
