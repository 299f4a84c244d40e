import { open } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { extractFeatures, judge, type CautionAssessment } from '../../caution';
import { englishReason } from '../../caution/node/english';
import { MAX_PAGE_BYTES, parseDocument } from '../../caution/node/html';
import { hostFromUserInput } from '../../domain';
import { ListIndex, type ConfirmedHit, type Entry } from '../../lists';
import { verdictFromHits, type Verdict } from '../../verdict';
import { nowOf, parseCommand, type Command } from '../command';
import { ioError, refused, usageError } from '../exit';
import { ioReason } from '../files';
import { readPublicKey } from '../keys';
import { packageFile } from '../package-root';
import { loaded, loadListFile, loadPublishDirectory, type HeldList } from '../load-lists';


const RANK = { 3: 'authority blocklist', 2: 'allowlist', 1: 'community blocklist', 0: 'not counted' } as const;
const SEEN = {
  listed: 'a full-page warning before the site loads, red badge',
  verified: 'green badge: an authorised pharmacy',
  caution: 'amber badge: signs of an illegal pharmacy on the page or in its name',
  unknown: 'no badge',
} as const;

function entryOf(hit: ConfirmedHit): Entry | undefined {
  return hit.entry ?? undefined;
}

type Kind = Verdict['kind'];
type ConfirmedVerdict = Omit<Verdict, 'hits'> & { hits: readonly ConfirmedHit[] };

function signalsJson(caution: CautionAssessment | null) {
  return (caution?.signals ?? []).map((s) => ({ id: s.id, family: s.family, weight: s.weight, reason: englishReason(s.reason), key: s.reason.key, subs: s.reason.subs }));
}

function cautionLines(caution: CautionAssessment | null, kind: Kind): string[] {
  if (!caution) return [];
  const lines = [`  caution detector: ${caution.level}${kind !== 'caution' && caution.level !== 'none' ? ' (the list verdict wins)' : ''}${caution.level === 'strong' ? ' (the page would also show a notice)' : ''}`];
  for (const s of caution.signals) lines.push(`   - ${s.id} (${s.weight}): ${englishReason(s.reason)}`);
  if (caution.register) lines.push(`  EU common logo links to the register of ${caution.register.country} (${caution.register.authority}): ${caution.register.url}`);
  return lines;
}

function text(url: string, verdict: ConfirmedVerdict, kind: Kind, caution: CautionAssessment | null, held: ReadonlyMap<string, HeldList>, verifiedBy: string | null): string {
  const host = verdict.host;
  const lines = [`${url}: ${kind} (${SEEN[kind]})`, `  host ${host.name}${host.registrableDomain && host.registrableDomain !== host.name ? `, registrable domain ${host.registrableDomain}` : ''}`];
  verdict.hits.forEach((hit, i) => {
    const meta = hit.list.meta;
    const entry = entryOf(hit);
    lines.push(`  ${i + 1}. ${meta.name} ("${meta.id}" version ${meta.version}): ${RANK[hit.rank]} by ${meta.publisher.name} (${meta.publisher.type})`);
    lines.push(`     entry ${hit.domain}${entry ? `: ${entry.category}, added ${entry.added}` : ''}`);
    if (entry) lines.push(`     evidence: ${entry.evidence.source}${entry.evidence.reference ? `, ${entry.evidence.reference}` : ''}`);
    if (entry?.note) lines.push(`     note: ${entry.note}`);
  });
  lines.push(...cautionLines(caution, kind));
  const lists = held.size === 1 ? '1 list' : `${held.size} lists`;
  lines.push(verifiedBy ? `  (${lists}, signatures verified with ${verifiedBy})` : `  (${lists}; signatures not checked: give --key to verify them as the extension does)`);
  return `${lines.join('\n')}\n`;
}

function json(url: string, verdict: ConfirmedVerdict, kind: Kind, caution: CautionAssessment | null, held: ReadonlyMap<string, HeldList>): string {
  const hits = verdict.hits.map((hit) => ({
    list: hit.list.id,
    name: hit.list.meta.name,
    version: hit.list.meta.version,
    kind: hit.list.meta.kind,
    publisher: hit.list.meta.publisher,
    rank: hit.rank,
    domain: hit.domain,
    entry: entryOf(hit) ?? null,
  }));
  const detector = caution ? { caution: { level: caution.level, register: caution.register }, signals: signalsJson(caution) } : {};
  return `${JSON.stringify({ url, host: verdict.host.name, verdict: kind, hits, ...detector })}\n`;
}

const BUNDLED = fileURLToPath(packageFile('data/lists/community-rogue-pharmacies.json'));

/** The first MAX_PAGE_BYTES of a saved page (a larger file is cut, as extraction would cut it anyway). */
async function readPage(path: string): Promise<Uint8Array> {
  try {
    const file = await open(path, 'r');
    try {
      const buffer = new Uint8Array(MAX_PAGE_BYTES);
      let filled = 0;
      while (filled < buffer.length) {
        const { bytesRead } = await file.read(buffer, filled, buffer.length - filled, filled);
        if (bytesRead === 0) break;
        filled += bytesRead;
      }
      return buffer.subarray(0, filled);
    } finally {
      await file.close();
    }
  } catch (error) {
    throw ioError(`cannot read ${path}: ${ioReason(error)}`);
  }
}

export const check: Command = {
  name: 'check',
  async run(argv, io) {
    const args = parseCommand(
      check,
      argv,
      io,
      { list: { type: 'string', multiple: true }, dir: { type: 'string', multiple: true }, key: { type: 'string', multiple: true }, page: { type: 'string' }, json: { type: 'boolean' } },
      ['url'],
    );
    if (!args) return;
    const url = args.positionals[0]!;
    const { list: given = [], dir: dirs = [], key: keyPaths = [], page } = args.values;
    if (given.length + dirs.length === 0 && page === undefined) throw usageError('give the lists to check against: --list <file> or --dir <publish directory> (or a saved page: --page <file>)');
    const files = given.length + dirs.length === 0 ? [BUNDLED] : given;
    const host = hostFromUserInput(url);
    if (!host) throw refused(`"${url}" is not a web address (http or https): the extension gives it no verdict`);
    const keys = await Promise.all(keyPaths.map((p) => readPublicKey(p)));
    const now = nowOf(io);
    const lists: HeldList[] = [];
    for (const f of files) lists.push(await loadListFile(f, keys, now));
    for (const d of dirs) lists.push(...(await loadPublishDirectory(d, keys, now)));
    const held = new Map<string, HeldList>();
    for (const l of lists) {
      if (held.has(l.list.id)) throw refused(`list "${l.list.id}" is given twice (${held.get(l.list.id)!.file} and ${l.file})`);
      held.set(l.list.id, l);
    }
    const index = ListIndex.build(lists.map(loaded), now);
    // Confirmed against the list's own entries, as the extension confirms what it tells a person.
    const hits = await index.confirmHits(host, { baseEntry: async (indexed, i) => held.get(indexed.list.id)?.list.entries[i] });
    const verdict = { ...verdictFromHits(host, hits), hits };
    let caution: CautionAssessment | null = null;
    if (page !== undefined) {
      const pageUrl = /^https?:\/\//i.test(url) ? url : `http://${url}`;
      caution = judge(host.name, extractFeatures(parseDocument(await readPage(page)), { url: pageUrl }));
    }
    // A list verdict always wins over caution.
    const kind: Kind = verdict.kind === 'unknown' && caution && caution.level !== 'none' ? 'caution' : verdict.kind;
    io.stdout.write(args.values.json ? json(url, verdict, kind, caution, held) : text(url, verdict, kind, caution, held, keys.length ? keys.map((k) => `key ${k.keyId}`).join(', ') : null));
  },
};
