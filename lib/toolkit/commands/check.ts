import { hostFromUserInput } from '../../domain';
import { ListIndex, type Entry, type ListHit } from '../../lists';
import { verdictFromHits, type Verdict } from '../../verdict';
import { nowOf, parseCommand, type Command } from '../command';
import { refused, usageError } from '../exit';
import { readPublicKey } from '../keys';
import { loaded, loadListFile, loadPublishDirectory, type HeldList } from '../load-lists';

const help = `Usage: pharmacheck check <url> (--list <list.json> | --dir <publish directory>)... [options]

Gives the verdict the extension would give for a web address, with the extension's own code
(lib/domain, lib/lists ListIndex, lib/verdict), from list files or publish directories. Shows every
list that matched, highest precedence first: an authority's blocklist, then a register's allowlist,
then a community blocklist. Each list ranks as it declares, as the extension ranks a list an
organisation's policy sets; a list a person adds to the extension ranks as community unless the
directory of publishers names its key (docs/list-format.md, section 15). (The extension may also say
"caution" from signals on the page itself; lists alone never do.) A bare host or "host/path" is
read as http://.

Options:
  --list <file>   a list file (repeatable)
  --dir <dir>     a publish directory: every <id>/latest.json in it (repeatable)
  --key <file>    a publisher's public key (repeatable): verify every file, and its .sig, as a
                  download would be; without --key the lists are only checked against the schema
  --json          print the verdict as JSON
  -h, --help      show this help

Exit code 0 for any verdict; 1 when the address is not a web address or a list is refused.
`;

const RANK = { 3: 'authority blocklist', 2: 'allowlist', 1: 'community blocklist', 0: 'not counted' } as const;
const SEEN = {
  listed: 'a full-page warning before the site loads, red badge',
  verified: 'green badge: an authorised pharmacy',
  caution: 'amber badge',
  unknown: 'no badge',
} as const;

function entryOf(hit: ListHit, held: ReadonlyMap<string, HeldList>): Entry | undefined {
  return held.get(hit.list.id)?.list.entries[hit.entryIndex];
}

function text(url: string, verdict: Verdict, held: ReadonlyMap<string, HeldList>, verifiedBy: string | null): string {
  const host = verdict.host;
  const lines = [`${url}: ${verdict.kind} (${SEEN[verdict.kind]})`, `  host ${host.name}${host.registrableDomain && host.registrableDomain !== host.name ? `, registrable domain ${host.registrableDomain}` : ''}`];
  verdict.hits.forEach((hit, i) => {
    const meta = hit.list.meta;
    const entry = entryOf(hit, held);
    lines.push(`  ${i + 1}. ${meta.name} ("${meta.id}" version ${meta.version}): ${RANK[hit.rank]} by ${meta.publisher.name} (${meta.publisher.type})`);
    lines.push(`     entry ${hit.domain}${entry ? `: ${entry.category}, added ${entry.added}` : ''}`);
    if (entry) lines.push(`     evidence: ${entry.evidence.source}${entry.evidence.reference ? `, ${entry.evidence.reference}` : ''}`);
    if (entry?.note) lines.push(`     note: ${entry.note}`);
  });
  const lists = held.size === 1 ? '1 list' : `${held.size} lists`;
  lines.push(verifiedBy ? `  (${lists}, signatures verified with ${verifiedBy})` : `  (${lists}; signatures not checked: give --key to verify them as the extension does)`);
  return `${lines.join('\n')}\n`;
}

function json(url: string, verdict: Verdict, held: ReadonlyMap<string, HeldList>): string {
  const hits = verdict.hits.map((hit) => ({
    list: hit.list.id,
    name: hit.list.meta.name,
    version: hit.list.meta.version,
    kind: hit.list.meta.kind,
    publisher: hit.list.meta.publisher,
    rank: hit.rank,
    domain: hit.domain,
    entry: entryOf(hit, held) ?? null,
  }));
  return `${JSON.stringify({ url, host: verdict.host.name, verdict: verdict.kind, hits })}\n`;
}

export const check: Command = {
  name: 'check',
  summary: 'the verdict the extension would give for a web address',
  help,
  async run(argv, io) {
    const args = parseCommand(
      check,
      argv,
      io,
      { list: { type: 'string', multiple: true }, dir: { type: 'string', multiple: true }, key: { type: 'string', multiple: true }, json: { type: 'boolean' } },
      ['url'],
    );
    if (!args) return;
    const url = args.positionals[0]!;
    const { list: files = [], dir: dirs = [], key: keyPaths = [] } = args.values;
    if (files.length + dirs.length === 0) throw usageError('give the lists to check against: --list <file> or --dir <publish directory>');
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
    const verdict = verdictFromHits(host, index.hits(host));
    io.stdout.write(args.values.json ? json(url, verdict, held) : text(url, verdict, held, keys.length ? keys.map((k) => `key ${k.keyId}`).join(', ') : null));
  },
};
