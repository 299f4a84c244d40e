/**
 * Builds the protected set (data/caution/brands.json) from its sources, all in
 * data/caution/sources/ and data/sources/ (provenance in data/README.md). Run by
 * `npm run data:caution-brands`; a unit test fails when the committed file and this build disagree.
 *
 * Which labels are protected, and how (classes in ../brands.ts):
 * - chains and online pharmacies: the label of each domain in legit-domains.csv; brands of the
 *   name-suggestion-index with no domain there: their name without pharmacy words, class `n`;
 * - manufacturers, medicines and agencies: the labels brands.csv gives;
 * - regulators and registers: the labels of the hosts in authorities.csv and eu-registers.csv (the
 *   host's own first label when the registrable one is a government's shared domain).
 * A label is left out when it is shorter than 3 letters, only digits, only pharmacy and shop words
 * (that is a keyword, not a brand), or decisions.csv says so. An ordinary word or first name in
 * one of the common-word lists becomes class `c` (or is left out for agencies and brands with no
 * domain). The words within typo distance of a protected label are kept as `notTypos`.
 */
import { parse } from 'tldts';
import { parseCsv } from '../../../guidance/csv';
import { isTypo, osaDistance, typoThreshold } from '../distance';
import { segment } from '../segment';
import { FILLER_WORDS, PHARMACY_WORDS } from '../words';
import type { Brand, BrandIndex, BrandKind, BrandsData, LabelClass } from '../brands';

export interface BrandSources {
  readonly legitDomainsCsv: string;
  readonly nsiBrandsCsv: string;
  readonly brandsCsv: string;
  readonly decisionsCsv: string;
  readonly authoritiesCsv: string;
  readonly registersCsv: string;
  /** Ordinary words and names in many languages, any case and accents: a brand that is one is class `c`. */
  readonly commonWords: Iterable<string>;
  /** Full dictionaries with inflected forms: a label one edit from a brand that is in one is a word, not a typo. */
  readonly dictionaryWords: Iterable<string>;
}

export interface BuildReport {
  readonly data: BrandsData;
  /** Labels two brands claim: the first kept (sources are read in the order above, brands.csv first). */
  readonly conflicts: readonly string[];
  readonly dropped: readonly string[];
}

type Decision = { decision: 'exclude' | 'common' | 'distinctive' | 'name'; name: string };

function records(text: string): Record<string, string>[] {
  const [header, ...rows] = parseCsv(text).filter((row) => row.some((cell) => cell.trim() !== ''));
  if (!header) return [];
  return rows.map((row) => Object.fromEntries(header.map((key, i) => [key.trim(), (row[i] ?? '').trim()])));
}

/** Latin letters without accents, lower case, as host names write brand names. */
export function foldName(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replaceAll('ß', 'ss')
    .replaceAll('ø', 'o')
    .replaceAll('æ', 'ae')
    .replaceAll('œ', 'oe')
    .replaceAll('ł', 'l')
    .replaceAll('đ', 'd')
    .replaceAll('ı', 'i');
}

function registrable(host: string): { domain: string; label: string; sub: string | null } | null {
  const info = parse(host.toLowerCase(), { allowPrivateDomains: true, extractHostname: true });
  if (!info.domain || !info.domainWithoutSuffix || info.isIp) return null;
  const subs = (info.subdomain ?? '').split('.').filter((s) => s !== '' && s !== 'www');
  return { domain: info.domain, label: info.domainWithoutSuffix, sub: subs.at(-1) ?? null };
}

/** Words folded as labels are (`Grünenthal` → `grunenthal`, `daddy's` → `daddys`), letters only, 3 or more. */
function foldedWords(words: Iterable<string>, into = new Set<string>()): Set<string> {
  for (const word of words) {
    // Most words are plain ASCII already: folding only the others keeps a million words fast.
    const folded = /^[a-z]+$/.test(word) ? word : foldName(word).replace(/['’]/g, '');
    if (folded.length >= 3 && /^[a-z]+$/.test(folded)) into.add(folded);
  }
  return into;
}

/** True when the flat label is nothing but pharmacy and shop words and digits. */
export function onlyFillerWords(flat: string): boolean {
  const reach = new Array<boolean>(flat.length + 1).fill(false);
  reach[0] = true;
  for (let i = 0; i < flat.length; i++) {
    if (!reach[i]) continue;
    const digits = /^\d+/.exec(flat.slice(i));
    if (digits) reach[i + digits[0].length] = true;
    for (let j = i + 1; j <= flat.length; j++) if (FILLER_WORDS.has(flat.slice(i, j))) reach[j] = true;
  }
  return reach[flat.length]!;
}

const NAME_FILLER = new Set([...PHARMACY_WORDS, 'drogerie', 'drogeria', 'drogist', 'the', 'and', 'und', 'de', 'del', 'la', 'le', 'dr']);

/** A brand name as one label, leading and trailing pharmacy words dropped: "Day Lewis Pharmacy" → `daylewis`. */
function labelFromName(name: string): string {
  const words = foldName(name).split(/[^a-z0-9]+/).filter((word) => word !== '');
  while (words.length > 0 && NAME_FILLER.has(words[0]!)) words.shift();
  while (words.length > 0 && NAME_FILLER.has(words.at(-1)!)) words.pop();
  return words.join('');
}

function shortName(name: string): string {
  return name.split(/ – | - /)[0]!.replace(/\s*\([^)]*\)\s*$/, '').trim();
}

const NO_BRANDS: BrandIndex = { allow: new Set(), notTypos: new Set(), exact: new Map(), bySkeleton: new Map(), byLength: new Map(), lengths: [] };

/**
 * How many edits make a typo of a protected label: counted on its distinctive part, the label
 * without the pharmacy and shop words at its ends (`sunpharma` → `sun`, too short for typos, or
 * `uspharma` would be one), and none when that part is one or two edits from such a word
 * (`apotheka` is `apotheke` misspelt as often as it is the Latvian chain).
 */
function typoBudget(label: string, cls: LabelClass, common: ReadonlySet<string>, distinctive: boolean): number {
  const flat = label.replaceAll('-', '');
  const cores = segment(label, NO_BRANDS, 1).cores;
  const core = cores.reduce((shortest, c) => (c.length < shortest.length ? c : shortest), flat);
  // A brand known only by its name gets one edit at most: nothing can confirm its own spellings.
  const max = Math.min(typoThreshold(core.length), cls === 'n' ? 1 : 2);
  if (cls === 'c' || max === 0 || (!distinctive && common.has(core))) return 0;
  for (const word of FILLER_WORDS) if (osaDistance(word, core, max) <= max) return 0;
  return max;
}

export function buildProtectedSet(sources: BrandSources): BuildReport {
  const common = foldedWords(sources.commonWords);
  const decisions = new Map<string, Decision>();
  for (const row of records(sources.decisionsCsv)) {
    const decision = row.decision as Decision['decision'];
    if (!['exclude', 'common', 'distinctive', 'name'].includes(decision)) throw new Error(`decisions.csv: unknown decision ${row.decision} for ${row.label}`);
    decisions.set(row.label!, { decision, name: row.name ?? '' });
  }

  const brands: Brand[] = [];
  const labels = new Map<string, [string, number, LabelClass, number]>();
  const allow = new Set<string>();
  const conflicts: string[] = [];
  const dropped: string[] = [];

  const addBrand = (brand: Brand): number => brands.push(brand) - 1;
  /** Adds a label; tells whether it is protected. */
  const addLabel = (label: string, brand: number, hasDomain: boolean): boolean => {
    const flat = label.replaceAll('-', '');
    const kind = brands[brand]!.kind;
    const decision = decisions.get(label)?.decision;
    let cls: LabelClass = hasDomain ? 'd' : 'n';
    let why = '';
    if (!/^[a-z0-9-]+$/.test(label) || flat.length < 3) why = 'too short or not a plain label';
    else if (/^\d+$/.test(flat)) why = 'only digits';
    else if (onlyFillerWords(flat)) why = 'only pharmacy and shop words';
    else if (decision === 'exclude') why = 'decisions.csv';
    else if (decision === 'common' || (decision !== 'distinctive' && common.has(flat))) {
      if (kind === 'regulator' || !hasDomain) why = 'an ordinary word';
      else cls = 'c';
    }
    if (why) {
      dropped.push(`${label} (${brands[brand]!.name}): ${why}`);
      return false;
    }
    const existing = labels.get(flat);
    if (existing) {
      if (brands[existing[1]]!.name !== brands[brand]!.name) conflicts.push(`${label}: ${brands[existing[1]]!.name}, not ${brands[brand]!.name}`);
      return true;
    }
    labels.set(flat, [label, brand, cls, typoBudget(label, cls, common, decision === 'distinctive')]);
    return true;
  };

  // Manufacturers, medicines and agencies first: their names are the best known.
  for (const row of records(sources.brandsCsv)) {
    const hosts = row.domains ? row.domains.split(';').map((d) => d.trim()).filter(Boolean) : [];
    const maker = row.maker ? row.maker : undefined;
    const kind = row.kind as BrandKind;
    const makerDomain = maker ? brands.find((b) => b.name === maker)?.domain : undefined;
    const domain = hosts[0] ?? makerDomain;
    if (!domain && !maker) throw new Error(`brands.csv: ${row.name} has no domain and no maker`);
    const brand = addBrand({ name: row.name!, ...(domain ? { domain } : {}), kind, ...(maker ? { maker } : {}) });
    for (const host of hosts) {
      const reg = registrable(host);
      if (!reg) throw new Error(`brands.csv: ${host} is not a registrable name`);
      allow.add(reg.domain);
    }
    for (const label of row.labels!.split(';').map((l) => l.trim()).filter(Boolean)) addLabel(label, brand, true);
  }

  // Chains, online pharmacies and the regulators' hosts of legit-domains.csv.
  const legitNames = new Set<string>();
  for (const row of records(sources.legitDomainsCsv)) {
    if (/do not allowlist/i.test(row.evidence_level ?? '')) {
      dropped.push(`${row.domain}: ${row.evidence_level}`);
      continue;
    }
    const reg = registrable(row.domain!);
    if (!reg) throw new Error(`legit-domains.csv: ${row.domain} is not a registrable name`);
    allow.add(reg.domain);
    legitNames.add(foldName(row.name!));
    const kind: BrandKind = /regulator|certification|verification/.test(row.register ?? '') ? 'regulator' : 'pharmacy';
    const override = decisions.get(reg.label);
    const name = override?.decision === 'name' ? override.name : row.name!.startsWith('(') ? row.domain! : shortName(row.name!);
    const existing = brands.findIndex((b) => b.name === name && b.kind === kind);
    const index = existing >= 0 ? existing : addBrand({ name, domain: row.domain!, kind });
    addLabel(reg.label, index, true);
  }

  // Regulators and registers.
  const authorityHosts: { name: string; host: string }[] = [];
  for (const row of records(sources.authoritiesCsv)) {
    for (const key of ['website', 'report_url', 'online_pharmacy_register_url']) {
      const url = /^https?:\/\/[^\s/]+/.exec(row[key] ?? '');
      if (url && row.authority) authorityHosts.push({ name: shortName(row.authority), host: new URL(url[0]).hostname });
    }
  }
  const countries = new Map(records(sources.authoritiesCsv).map((row) => [row.iso2, shortName(row.authority ?? '')]));
  for (const row of records(sources.registersCsv)) {
    if (row.register_host) authorityHosts.push({ name: countries.get(row.iso2) || `${row.country} register`, host: row.register_host });
  }
  for (const { name, host } of authorityHosts) {
    const reg = registrable(host);
    if (!reg) continue;
    allow.add(reg.domain);
    const brand = brands.findIndex((b) => b.name === name && b.kind === 'regulator');
    const index = brand >= 0 ? brand : addBrand({ name, domain: host.replace(/^www\./, ''), kind: 'regulator' });
    if (reg.label === 'www' || !addLabel(reg.label, index, true)) if (reg.sub) addLabel(reg.sub, index, true);
  }

  // Brands known only by their name.
  for (const row of records(sources.nsiBrandsCsv)) {
    if (legitNames.has(foldName(row.brand!))) continue;
    const label = labelFromName(row.brand!);
    if (label.length < 5 || !/^[a-z0-9]+$/.test(label)) continue;
    const index = addBrand({ name: row.brand!, kind: 'pharmacy' });
    if (!addLabel(label, index, false)) brands.pop();
  }

  const notTypos = new Set<string>();
  // Words by length and first letter, and by length and last letter (a typo keeps one of them).
  const byEnd = new Map<number, string[]>();
  const key = (length: number, letter: number, last: boolean) => (length * 128 + letter) * 2 + (last ? 1 : 0);
  const words = foldedWords(sources.dictionaryWords, new Set(common));
  for (const word of words) {
    for (const k of [key(word.length, word.charCodeAt(0), false), key(word.length, word.charCodeAt(word.length - 1), true)]) {
      const list = byEnd.get(k);
      if (list) list.push(word);
      else byEnd.set(k, [word]);
    }
  }
  for (const [flat, [, , , max]] of labels) {
    if (max === 0) continue;
    for (let length = flat.length - max; length <= flat.length + max; length++) {
      for (const k of [key(length, flat.charCodeAt(0), false), key(length, flat.charCodeAt(flat.length - 1), true)]) {
        for (const word of byEnd.get(k) ?? []) {
          if (word !== flat && isTypo(word, flat, max)) notTypos.add(word);
        }
      }
    }
  }

  const used = [...new Set([...labels.values()].map(([, b]) => b))].sort((a, b) => a - b);
  const renumber = new Map(used.map((old, i) => [old, i]));
  return {
    data: {
      format: 1,
      brands: used.map((i) => brands[i]!),
      labels: [...labels.values()].map(([label, b, cls, typo]) => [label, renumber.get(b)!, cls, typo] as [string, number, LabelClass, number]),
      allow: [...allow].sort(),
      notTypos: [...notTypos].sort(),
    },
    conflicts,
    dropped,
  };
}

/** The committed file's text: small, and one brand or label a line so changes read as diffs. */
export function serializeBrands(data: BrandsData): string {
  const lines = (items: readonly unknown[]) => items.map((item) => `    ${JSON.stringify(item)}`).join(',\n');
  return (
    `{\n  "format": ${data.format},\n  "brands": [\n${lines(data.brands)}\n  ],\n  "labels": [\n${lines(data.labels)}\n  ],\n` +
    `  "allow": ${JSON.stringify(data.allow)},\n  "notTypos": ${JSON.stringify(data.notTypos)}\n}\n`
  );
}
