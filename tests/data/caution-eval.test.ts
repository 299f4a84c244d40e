import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const EVAL = fileURLToPath(new URL('../../eval/caution/', import.meta.url));
const rows = readFileSync(`${EVAL}manifest.csv`, 'utf8').trim().split('\n').slice(1).map((line) => line.split(','));
const files = ['pages', 'heldout', 'ordinary'].flatMap((dir) => readdirSync(`${EVAL}${dir}`).map((f) => ({ dir, id: f.replace(/\.html$/, '') })));

describe('the caution evaluation set (eval/caution)', () => {
  it('has a manifest row for every page and a page for every row', () => {
    expect(rows.map((r) => r[0]).sort()).toEqual(files.map((f) => f.id).sort());
  });

  it('labels every page, gives it an address, and keeps held-out pages apart', () => {
    for (const [id, label, set, lang, url, imitates] of rows) {
      expect(['rogue', 'legit', 'trap', 'grey', 'ordinary'], id).toContain(label);
      expect(['dev', 'heldout'], id).toContain(set);
      expect(lang, id).toMatch(/^[a-z]{2}$/);
      expect(() => new URL(url!), id).not.toThrow();
      expect(imitates?.length, id).toBeGreaterThan(2);
      expect(files.find((f) => f.id === id)?.dir === 'heldout', id).toBe(set === 'heldout');
    }
  });

  it('has at least 60 labelled development pages in at least five languages, and ordinary pages', () => {
    const dev = rows.filter((r) => r[2] === 'dev' && r[1] !== 'ordinary');
    expect(dev.length).toBeGreaterThanOrEqual(60);
    expect(new Set(dev.map((r) => r[3])).size).toBeGreaterThanOrEqual(5);
    for (const label of ['rogue', 'legit', 'trap']) expect(dev.filter((r) => r[1] === label).length, label).toBeGreaterThanOrEqual(15);
  });
});

describe('the caution detector on its development set', { timeout: 120_000 }, () => {
  it('meets the targets: ≥ 85% of rogue pages, no legitimate pharmacy, no regulator or other trap, no ordinary page', async () => {
    const { judgeHtml, manifest, pagePath } = await import('../../eval/caution/set');
    const dev = manifest().filter((r) => r.set === 'dev' && r.label !== 'grey');
    const flagged = (label: string) => dev.filter((r) => r.label === label && judgeHtml(readFileSync(pagePath(r.id)), r.url).assessment.level !== 'none').map((r) => r.id);
    const rogue = dev.filter((r) => r.label === 'rogue').length;
    expect(flagged('rogue').length / rogue).toBeGreaterThanOrEqual(0.85);
    expect({ legit: flagged('legit'), trap: flagged('trap'), ordinary: flagged('ordinary') }).toEqual({ legit: [], trap: [], ordinary: [] });
  });
});
