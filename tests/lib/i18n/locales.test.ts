import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { MEDICRIME_STATUSES, VERIFICATION_STATUSES } from '../../../lib/guidance';
import { MEDICRIME_STATUS_KEYS } from '../../../lib/ui/guidance/MedicrimeStatus';
import { CATEGORIES, PUBLISHER_TYPES } from '../../../lib/lists';
import { REVOCATION_REASONS } from '../../../lib/trust';
import type { VerdictKind } from '../../../lib/verdict';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const LOCALES = join(ROOT, 'public/_locales');

interface Message {
  message: string;
  description?: string;
  placeholders?: Record<string, { content: string; example?: string }>;
}

function readLocale(locale: string): Record<string, Message> {
  return JSON.parse(readFileSync(join(LOCALES, locale, 'messages.json'), 'utf8')) as Record<string, Message>;
}

const VERDICT_KINDS = ['listed', 'caution', 'verified', 'unknown'] as const satisfies readonly VerdictKind[];
// Does not compile when VerdictKind gains a kind that VERDICT_KINDS lacks.
const everyVerdictKind: Record<VerdictKind, true> = { listed: true, caution: true, verified: true, unknown: true } satisfies Record<
  (typeof VERDICT_KINDS)[number],
  true
>;

const locales = readdirSync(LOCALES).sort();
const english = readLocale('en');
const others = locales.filter((l) => l !== 'en');

/** The $NAME$ placeholders a message uses, lowercased as Chrome matches them ($$ is a literal $). */
function placeholdersUsed(message: string): string[] {
  return [...new Set([...message.replaceAll('$$', '').matchAll(/\$([A-Za-z0-9_@]+)\$/g)].map((m) => m[1]!.toLowerCase()))].sort();
}

function placeholdersDeclared(message: Message): string[] {
  return Object.keys(message.placeholders ?? {}).map((name) => name.toLowerCase()).sort();
}

/** Every .ts/.tsx file under a folder. */
function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

describe('locales', () => {
  it('include English and at least one other language', () => {
    expect(locales).toContain('en');
    expect(others.length).toBeGreaterThan(0);
  });

  describe.each(locales)('%s', (locale) => {
    const messages = readLocale(locale);

    it("has exactly English's keys", () => {
      const missing = Object.keys(english).filter((key) => !Object.hasOwn(messages, key));
      const extra = Object.keys(messages).filter((key) => !Object.hasOwn(english, key));
      expect({ missing, extra }).toEqual({ missing: [], extra: [] });
    });

    it('has no empty message', () => {
      const empty = Object.entries(messages).filter(([, m]) => typeof m.message !== 'string' || m.message.trim() === '');
      expect(empty.map(([key]) => key)).toEqual([]);
    });

    it("uses only Chrome's allowed characters in key and placeholder names", () => {
      const allowed = /^(?!@@)[A-Za-z0-9_@]+$/;
      const names = Object.entries(messages).flatMap(([key, m]) => [key, ...Object.keys(m.placeholders ?? {}).map((p) => `${key}.${p}`)]);
      expect(names.filter((name) => !name.split('.').every((part) => allowed.test(part)))).toEqual([]);
    });

    it('declares every placeholder it uses, and uses every one it declares', () => {
      const wrong = Object.entries(messages)
        .filter(([, m]) => placeholdersUsed(m.message).join() !== placeholdersDeclared(m).join())
        .map(([key, m]) => `${key}: uses [${placeholdersUsed(m.message).join()}], declares [${placeholdersDeclared(m).join()}]`);
      expect(wrong).toEqual([]);
    });

    it("has English's placeholders, with the same contents", () => {
      const wrong = Object.entries(messages)
        .filter(([key]) => Object.hasOwn(english, key))
        .filter(([key, m]) => {
          const content = (msg: Message) =>
            Object.entries(msg.placeholders ?? {})
              .map(([name, p]) => `${name.toLowerCase()}=${p.content}`)
              .sort()
              .join();
          return content(m) !== content(english[key]!);
        })
        .map(([key]) => key);
      expect(wrong).toEqual([]);
    });

    it("fits the store's limits for the name (75) and description (132)", () => {
      expect(messages.extName?.message.length).toBeLessThanOrEqual(75);
      expect(messages.extDescription?.message.length).toBeLessThanOrEqual(132);
    });
  });

  it('gives translators a description of every English message', () => {
    const undescribed = Object.entries(english).filter(([, m]) => !m.description?.trim());
    expect(undescribed.map(([key]) => key)).toEqual([]);
  });

  it('has in English every key the code asks for by name', () => {
    const used = new Map<string, string>();
    for (const file of [...sourceFiles(join(ROOT, 'lib')), ...sourceFiles(join(ROOT, 'entrypoints'))]) {
      const source = readFileSync(file, 'utf8');
      for (const match of source.matchAll(/\b(?:t|localizeDocument)\(\s*(['"`])([^'"`$]+)\1/g)) {
        used.set(match[2]!, relative(ROOT, file));
      }
    }
    // The scan has to find the keys, or this test proves nothing.
    expect(used.size).toBeGreaterThan(20);
    const missing = [...used].filter(([key]) => !key.startsWith('@@') && !Object.hasOwn(english, key)).map(([key, file]) => `${key} (${file})`);
    expect(missing).toEqual([]);
  });

  it.each(CATEGORIES)('has a label for the category %s', (category) => {
    expect(english).toHaveProperty(`category_${category.replaceAll('-', '_')}`);
  });

  it.each(PUBLISHER_TYPES)('has a label for the publisher type %s', (type) => {
    expect(english).toHaveProperty(`publisherType_${type}`);
  });

  it.each(REVOCATION_REASONS)('has a label for the revocation reason %s', (reason) => {
    expect(english).toHaveProperty(`trustRevocationReason_${reason}`);
  });

  it('knows every verdict kind', () => {
    expect(Object.keys(everyVerdictKind).sort()).toEqual([...VERDICT_KINDS].sort());
  });

  it.each(VERDICT_KINDS)('has a label for the verdict %s', (kind) => {
    expect(english).toHaveProperty(`verdictLabel_${kind}`);
  });

  // Keys the guidance builds from data, which the scan of t('…') calls above cannot see.
  it.each(VERIFICATION_STATUSES)('has a label for the verification status %s', (status) => {
    expect(english).toHaveProperty(`verification_${status.replace('-', '_')}`);
  });

  it.each(MEDICRIME_STATUSES)('has a sentence for the Medicrime status %j', (status) => {
    expect(english).toHaveProperty(MEDICRIME_STATUS_KEYS[status]);
  });
});
