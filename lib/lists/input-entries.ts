/**
 * From input rows (input-rows.ts) to list entries, with every bad row reported by line and reason:
 * not a domain, a public suffix, an IP literal (never an entry in format 1), a duplicate, or a field
 * the list schema refuses. Each entry is built from, in order of precedence: the fields the row
 * gives, else the same domain's entry in the previous version (so rebuilding an unchanged list
 * changes nothing and its delta stays small), else the defaults.
 */
import { checkEntryDomain } from '../domain';
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
  const entries: Entry[] = [];
  const problems: InputProblem[] = [];
  const seen = new Set<string>();
  /**
   * Names as written (canonical, before any `www.` is dropped): a repeat of one is a duplicate.
   * Without --strip-www a name is written as it is seen, and `seen` says it all.
   */
  const written = options.stripWww ? new Set<string>() : seen;
  rows.forEach((row, i) => {
    if (i % 10_000 === 0) options.onProgress?.(i);
    const trimmed = row.domain.trim();
    const www = options.stripWww ? (/^(?:www\.)+/i.exec(trimmed)?.[0] ?? '') : '';
    const check = checkEntryDomain(trimmed.slice(www.length));
    if (!check.ok) return void problems.push({ line: row.line, text: row.text, problem: check.problem, detail: trimmed });
    const asWritten = www === '' ? check.domain : canonicalAsWritten(trimmed);
    if (seen.has(check.domain)) {
      // `www.x` folding into `x` is expected; the same name written twice is not.
      if (written === seen || written.has(asWritten)) problems.push({ line: row.line, text: row.text, problem: 'duplicate', detail: check.domain });
      if (written !== seen) written.add(asWritten);
      return;
    }
    seen.add(check.domain);
    if (written !== seen) written.add(asWritten);
    const previous = options.previous?.get(check.domain);
    let hasFields = false;
    for (const _ in row.fields) {
      hasFields = true;
      break;
    }
    // Defaults are checked once by the caller and previous entries come from a valid list: only
    // fields written in the input need the schema here (a million rows stay fast).
    const entry = compose(check.domain, row, previous ?? options.defaults, hasFields);
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
