/**
 * The shape of a guidance file (data/guidance/<language>.json). Written with zod/mini because
 * pages validate the file they fetch, and the full zod would weigh more than a page may.
 */
import * as z from 'zod/mini';
import { GUIDANCE_LANGUAGES } from './languages';

/** The verdicts a person can see (lib/verdict's VerdictKind; a unit test keeps them equal). */
export const VERDICTS = ['listed', 'caution', 'verified', 'unknown'] as const;
export type GuidanceVerdict = (typeof VERDICTS)[number];

/** Why a domain is on a list (lib/lists' CATEGORIES, copied so pages need not bundle the list schema). */
export const GUIDANCE_CATEGORIES = [
  'illegal-pharmacy',
  'falsified-medicines',
  'unauthorised-medicines',
  'pharmacy-spam',
  'fraud',
  'authorised-pharmacy',
] as const;
export type GuidanceCategory = (typeof GUIDANCE_CATEGORIES)[number];

/** The Medicrime articles the guidance explains (offences 5–8, aggravation 13, victims 19–20). */
export const MEDICRIME_ARTICLES = ['5', '6', '7', '8', '13', '19', '20'] as const;
export type MedicrimeArticle = (typeof MEDICRIME_ARTICLES)[number];

// Short texts: a plain-language sentence or two, never a wall of legal text. The limits leave room
// for languages that run longer than English (German, Greek: +30–40%, as the pseudo-locale tests).
const text = z.string().check(z.minLength(1), z.maxLength(600));
const heading = z.string().check(z.minLength(1), z.maxLength(120));
const paragraphs = z.array(text).check(z.minLength(1), z.maxLength(6));
const items = z.array(text).check(z.minLength(1), z.maxLength(10));
const webUrl = z.url({ protocol: /^https$/ });

const verdictSchema = z.strictObject({
  title: heading,
  /** One or two sentences for the popup. */
  summary: text,
  /** The one thing to do now, for the popup. */
  action: text,
  meaning: paragraphs,
});

const categorySchema = z.strictObject({
  title: heading,
  meaning: paragraphs,
  /** The Medicrime articles that speak to this kind of site (none for an authorised pharmacy). */
  articles: z.array(z.enum(MEDICRIME_ARTICLES)).check(z.maxLength(MEDICRIME_ARTICLES.length)),
});

const record = <K extends readonly [string, ...string[]], V extends z.ZodMiniType>(keys: K, value: V) =>
  z.strictObject(Object.fromEntries(keys.map((key) => [key, value])) as { [P in K[number]]: V });

export const guidanceSchema = z.strictObject({
  format: z.literal(1),
  language: z.enum(GUIDANCE_LANGUAGES),
  guide: z.strictObject({ title: heading, intro: paragraphs, verdictsHeading: heading, categoriesHeading: heading }),
  verdicts: record(VERDICTS, verdictSchema),
  categories: record(GUIDANCE_CATEGORIES, categorySchema),
  risks: z.strictObject({
    heading,
    intro: text,
    items: z.array(z.strictObject({ title: heading, text })).check(z.minLength(1), z.maxLength(8)),
  }),
  law: z.strictObject({
    heading,
    intro: paragraphs,
    articles: record(MEDICRIME_ARTICLES, text),
    /** Label before one article number ("Article 5") and before several ("Articles 6, 8, 13"). */
    articleLabel: heading,
    articlesLabel: heading,
    conventionName: text,
    conventionLink: heading,
    conventionUrl: webUrl,
    treatyLink: heading,
    treatyUrl: webUrl,
  }),
  findPharmacy: z.strictObject({
    heading,
    intro: paragraphs,
    euHeading: heading,
    euSteps: items,
    outsideEuHeading: heading,
    outsideEu: paragraphs,
    signsHeading: heading,
    signs: items,
  }),
  alreadyBought: z.strictObject({ heading, intro: text, steps: items }),
  report: z.strictObject({ heading, intro: paragraphs, noAuthority: paragraphs, emergency: text }),
});

export type Guidance = z.infer<typeof guidanceSchema>;
