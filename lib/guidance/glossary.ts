/**
 * The per-language glossary (data/glossary/<code>.json): the medical and legal terms the guidance
 * must use as the EU and the Council of Europe write them in that language, each with its source
 * and whether its wording is certain. Not shipped; tests/data/glossary.test.ts holds the guidance
 * to it. Where no official wording exists or it could not be checked, `certain` is false and
 * `note` says why, rather than a guess passing for official.
 */
import * as z from 'zod';

/** Terms every glossary has: the Convention's title and the Directive's term. */
export const REQUIRED_TERMS = ['medicrimeTitle', 'medicrimeShort', 'falsifiedMedicinalProducts', 'prescription', 'pharmacy', 'medicinesAuthority', 'register'] as const;

const termSchema = z.strictObject({
  term: z.string().min(1),
  /** Inflected forms that count as using the term (the term itself among them). */
  forms: z.array(z.string().min(1)).min(1).optional(),
  source: z.string().min(1).optional(),
  certain: z.boolean(),
  note: z.string().min(1).optional(),
});

export const glossarySchema = z
  .strictObject({ language: z.string(), terms: z.record(z.string(), termSchema) })
  .refine((g) => REQUIRED_TERMS.every((key) => key in g.terms), { message: `a glossary has every one of ${REQUIRED_TERMS.join(', ')}` })
  .refine((g) => Object.values(g.terms).every((t) => t.certain || t.note), { message: 'an uncertain term says why in a note' })
  .refine((g) => Object.values(g.terms).every((t) => !t.forms || t.forms.includes(t.term)), { message: 'forms include the term itself' });

export type Glossary = z.infer<typeof glossarySchema>;
