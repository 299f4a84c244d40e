/**
 * `npm run eval:caution`: the caution detector on the labelled development set (manifest.csv),
 * the held-out pages written after tuning, hand-written and generated ordinary pages, and the
 * name family on the legitimate domains. The same pipeline as the browser: `firstLook` gates
 * extraction (a page it skips is judged on its name alone), then `judge`. Prints recall on rogue
 * pages, false cautions on legitimate pharmacies and traps, false cautions per 1,000 ordinary
 * pages. `--verbose` lists every page's signals; `--check` exits 1 when a target is missed.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { extractFeatures, firstLook, judge, type CautionAssessment } from '../../lib/caution';
import { parseDocument } from '../../lib/caution/node/html';
import { generatedPages } from './ordinary';
import { hostOf, judgeHtml, manifest, pagePath, type Row } from './set';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const GENERATED = 1_000;
const args = new Set(process.argv.slice(2));

const flagged = (a: CautionAssessment) => a.level !== 'none';
const pct = (n: number, d: number) => (d === 0 ? 'n/a' : `${((100 * n) / d).toFixed(1)}%`);

function describe(id: string, a: CautionAssessment, looked: boolean): string {
  const signals = a.signals.map((s) => `${s.id}(${s.weight})`).join(' ');
  return `  ${id}: ${a.level}${looked ? '' : ' [first look skipped the page]'}${signals ? ` — ${signals}` : ''}${a.register ? ` — register ${a.register.country}` : ''}`;
}

function report(rows: Row[], set: Row['set']): { recall: number; legitFalse: number; trapFalse: number; ordinaryFalse: number } {
  const results = rows
    .filter((r) => r.set === set)
    .map((r) => ({ row: r, ...judgeHtml(readFileSync(pagePath(r.id)), r.url) }));
  const of = (label: Row['label']) => results.filter((r) => r.row.label === label);
  const rogue = of('rogue');
  const caught = rogue.filter((r) => flagged(r.assessment));
  const strong = rogue.filter((r) => r.assessment.level === 'strong');
  const legitFalse = of('legit').filter((r) => flagged(r.assessment));
  const trapFalse = of('trap').filter((r) => flagged(r.assessment));
  const ordinaryFalse = of('ordinary').filter((r) => flagged(r.assessment));
  const ordinaryBare = of('ordinary').filter((r) => flagged(judge(hostOf(r.row.url), extractFeatures(parseDocument(readFileSync(pagePath(r.row.id))), { url: r.row.url }))));
  const languages = [...new Set(results.map((r) => r.row.lang))].sort().join(', ');
  console.log(`\n== ${set === 'dev' ? 'Development set' : 'Held-out pages (written after tuning)'}: ${results.length} pages (${languages})`);
  console.log(`rogue pages flagged: ${caught.length}/${rogue.length} (recall ${pct(caught.length, rogue.length)}; strong ${strong.length})`);
  console.log(`false cautions on legitimate pharmacies: ${legitFalse.length}/${of('legit').length}`);
  console.log(`false cautions on traps (leaflets, news, regulators, harm reduction, forums): ${trapFalse.length}/${of('trap').length}`);
  console.log(`false cautions on hand-written ordinary pages: ${ordinaryFalse.length}/${of('ordinary').length} (with no first look: ${ordinaryBare.length})`);
  const grey = of('grey');
  if (grey.length) console.log(`grey (not scored): ${grey.filter((r) => flagged(r.assessment)).length}/${grey.length} flagged`);
  const show = (title: string, list: typeof results) => {
    if (list.length) console.log(`${title}:\n${list.map((r) => describe(r.row.id, r.assessment, r.looked)).join('\n')}`);
  };
  show('missed rogue pages', rogue.filter((r) => !flagged(r.assessment)));
  show('false cautions', [...legitFalse, ...trapFalse, ...ordinaryFalse]);
  if (args.has('--verbose')) show('every page', results);
  return {
    recall: rogue.length ? caught.length / rogue.length : 1,
    legitFalse: legitFalse.length,
    trapFalse: trapFalse.length,
    ordinaryFalse: ordinaryFalse.length,
  };
}

function generated(): number {
  const pages = generatedPages(ROOT, GENERATED);
  const falses = pages.map((p) => ({ p, ...judgeHtml(p.html, p.url) })).filter((r) => flagged(r.assessment));
  const looked = pages.filter((p) => firstLook(parseDocument(p.html), p.url)).length;
  // The same pages with every one extracted, as if the first look let all through: the signals alone.
  const bare = pages.filter((p) => flagged(judge(hostOf(p.url), extractFeatures(parseDocument(p.html), { url: p.url })))).length;
  console.log(`\n== Generated ordinary pages: ${pages.length} (README.md files of node_modules, then /usr/share/doc copyright and README files)`);
  console.log(`first look let through ${looked}; false cautions: ${falses.length} (${((1000 * falses.length) / Math.max(1, pages.length)).toFixed(1)} per 1,000); with no first look at all: ${bare}`);
  for (const f of falses) console.log(describe(`${f.p.id} ${f.p.source}`, f.assessment, f.looked));
  return (1000 * falses.length) / Math.max(1, pages.length);
}

function names(): number {
  const csv = readFileSync(`${ROOT}data/caution/sources/legit-domains.csv`, 'utf8').trim().split('\n').slice(1);
  const domains = csv.map((line) => line.split(',')[0]!.trim()).filter(Boolean);
  const falses = domains.filter((d) => flagged(judge(d, null)) || flagged(judge(`www.${d}`, null)));
  console.log(`\n== Name family on ${domains.length} legitimate domains (shared/data/detection/legit-domains.csv, name only): ${falses.length} cautions${falses.length ? `: ${falses.join(', ')}` : ''}`);
  const rogue = readFileSync(`${ROOT}data/sources/community-rogue-pharmacies-2020.txt`, 'utf8').split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
  const byName = rogue.filter((h) => flagged(judge(h, null))).length;
  console.log(`   and on the ${rogue.length} community-list hosts (name only, for information: most imitate no brand): ${byName} cautions (${pct(byName, rogue.length)})`);
  return falses.length;
}

const rows = manifest();
const dev = report(rows, 'dev');
const held = rows.some((r) => r.set === 'heldout') ? report(rows, 'heldout') : null;
const perThousand = generated();
const nameFalse = names();
const missed = [
  dev.recall < 0.85 && `recall ${pct(dev.recall, 1)} < 85%`,
  dev.legitFalse > 0 && 'a false caution on a legitimate pharmacy',
  perThousand > 1 && `${perThousand.toFixed(1)} false cautions per 1,000 ordinary pages`,
  nameFalse > 0 && 'a legitimate domain cautioned by its name',
].filter(Boolean);
console.log(`\nTargets on the development set (recall ≥ 85%, no false caution on legitimate pharmacies and regulators, ≤ 1 per 1,000 ordinary pages, no legitimate domain): ${missed.length ? `MISSED: ${missed.join('; ')}` : 'met'}`);
if (held) console.log(`Held-out: recall ${pct(held.recall, 1)}, ${held.legitFalse} false on legitimate pharmacies, ${held.trapFalse} on traps, ${held.ordinaryFalse} on ordinary pages.`);
if (args.has('--check') && missed.length) process.exitCode = 1;
