/**
 * From input rows (input-rows.ts) to list entries, with every bad row reported by line and reason:
 * not a domain, a public suffix, an IP literal (never an entry in format 1), a duplicate, or a field
 * the list schema refuses. Each entry is built from, in order of precedence: the fields the row
 * gives, else the same domain's entry in the previous version (so rebuilding an unchanged list
 * changes nothing and its delta stays small), else the defaults.
 */
import { checkEntryDomain } from '../domain';
import { repeatedPositions } from './fingerprint-set';
import type { InputProblem, InputRow } from './input-rows';
import { entrySchema, type Category, type Entry, type Evidence, type ListKind } from './schema';

export interface EntryDefaults {
  readonly category: Category;
  readonly added: string;
  readonly evidence: Evidence;
}

export interface InputEntriesOptions {
  readonly kind: ListKind;
  readonly defaults: EntryDefaults;
  /** The previous version's entries, by domain. */
  readonly previous?: ReadonlyMap<string, Entry>;
  /** Drop leading `www.` labels, as entriesFromPlainText does. */
  readonly stripWww?: boolean;
  /** Called now and then with the rows done, for a progress bar. */
  readonly onProgress?: (done: number) => void;
}

export interface InputEntriesResult {
  readonly entries: Entry[];
  readonly problems: InputProblem[];
}

function compose(domain: string, row: InputRow, base: Omit<Entry, 'domain'>, hasFields: boolean): Entry {
  // Most rows give a domain only: their entries share the defaults' evidence (a million entries
  // need not hold a million copies of it; entries are never changed in place).
  if (!hasFields) return base.note === undefined ? { domain, category: base.category, added: base.added, evidence: base.evidence } : { domain, category: base.category, added: base.added, evidence: base.evidence, note: base.note };
  const f = row.fields;
  const reference = f.reference ?? base.evidence.reference;
  const note = f.note ?? base.note;
  return {
    domain,
    category: (f.category ?? base.category) as Category,
    added: f.added ?? base.added,
    evidence: { source: f.source ?? base.evidence.source, ...(reference === undefined ? {} : { reference }) },
    ...(note === undefined ? {} : { note }),
  };
}

function canonicalAsWritten(text: string): string {
  const check = checkEntryDomain(text);
  return check.ok ? check.domain : text;
}

function issueText(error: { issues: readonly { path: PropertyKey[]; message: string }[] }): string {
  const issue = error.issues[0];
  return issue ? `${issue.path.map(String).join('.')}: ${issue.message}` : 'invalid';
}

export function entriesFromRows(rows: readonly InputRow[], options: InputEntriesOptions): InputEntriesResult {
  // First every row's domain is checked; then repeats are found among the rows that passed, by one
  // sort (repeatedPositions) rather than a Set of a million names (0.7 s of a million-entry build).
  const failed = new Map<number, InputProblem>();
  const domains: string[] = [];
  /**
   * Names as written (canonical, before any `www.` is dropped): a repeat of one is a duplicate.
   * Without --strip-www a name is written as it is seen, and the domains say it all.
   */
  const written: string[] = [];
  rows.forEach((row, i) => {
    if (i % 10_000 === 0) options.onProgress?.(i);
    const trimmed = row.domain.trim();
    const www = options.stripWww ? (/^(?:www\.)+/i.exec(trimmed)?.[0] ?? '') : '';
    const check = checkEntryDomain(trimmed.slice(www.length));
    if (!check.ok) return void failed.set(i, { line: row.line, text: row.text, problem: check.problem, detail: trimmed });
    domains.push(check.domain);
    if (options.stripWww) written.push(www === '' ? check.domain : canonicalAsWritten(trimmed));
  });
  const repeated = repeatedPositions(domains);
  const writtenRepeated = options.stripWww ? repeatedPositions(written) : repeated;

  const entries: Entry[] = [];
  const problems: InputProblem[] = [];
  let ok = 0;
  rows.forEach((row, i) => {
    const problem = failed.get(i);
    if (problem) return void problems.push(problem);
    const at = ok++;
    const domain = domains[at]!;
    if (repeated[at]) {
      // `www.x` folding into `x` is expected; the same name written twice is not.
      if (writtenRepeated[at]) problems.push({ line: row.line, text: row.text, problem: 'duplicate', detail: domain });
      return;
    }
    const previous = options.previous?.get(domain);
    let hasFields = false;
    for (const _ in row.fields) {
      hasFields = true;
      break;
    }
    // Defaults are checked once by the caller and previous entries come from a valid list: only
    // fields written in the input need the schema here (a million rows stay fast).
    const entry = compose(domain, row, previous ?? options.defaults, hasFields);
    if (hasFields) {
      const parsed = entrySchema.safeParse(entry);
      if (!parsed.success) return void problems.push({ line: row.line, text: row.text, problem: 'invalid', detail: issueText(parsed.error) });
    }
    if ((entry.category === 'authorised-pharmacy') !== (options.kind === 'allow')) {
      return void problems.push({ line: row.line, text: row.text, problem: 'invalid', detail: `category ${entry.category} does not belong on ${options.kind === 'allow' ? 'an allowlist' : 'a blocklist'}` });
    }
    entries.push(entry);
  });
  options.onProgress?.(rows.length);
  return { entries, problems };
}
