/**
 * The background's check of PageFeatures that come back from the features script (or from a saved page): the same
 * bounds the features script cuts to (FEATURE_LIMITS), so a page that sends more is refused.
 */
import * as z from 'zod/mini';
import { FEATURE_LIMITS as L, type PageFeatures } from './types';

const text = (max: number) => z.string().check(z.maxLength(max));

export const pageFeaturesSchema = z.strictObject({
  url: text(L.url),
  lang: text(L.lang),
  title: text(L.title),
  headings: z.array(text(L.heading)).check(z.maxLength(L.headings)),
  text: text(L.text),
  textEnd: text(L.textEnd),
  links: z.array(z.strictObject({ href: text(L.url), text: text(L.linkText) })).check(z.maxLength(L.links)),
  images: z
    .array(
      z.strictObject({
        src: text(L.url),
        alt: text(L.imageText),
        title: text(L.imageText),
        linkHref: z.nullable(text(L.url)),
        width: z.number().check(z.int(), z.nonnegative()),
        height: z.number().check(z.int(), z.nonnegative()),
      }),
    )
    .check(z.maxLength(L.images)),
  forms: z
    .array(z.strictObject({ action: text(L.url), method: text(10), fields: z.array(text(L.fieldText)).check(z.maxLength(L.formFields)) }))
    .check(z.maxLength(L.forms)),
}) satisfies z.ZodMiniType<PageFeatures>;
