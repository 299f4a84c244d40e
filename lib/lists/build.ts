/**
 * Turning a maintainer's plain list of domains (one a line) into list entries, with every bad line
 * reported by number and reason. Shared by the bundled-list converter and the toolkit.
 */
import { checkEntryDomain, type EntryProblem } from '../domain';
import type { Category, Entry, Evidence } from './schema';

export interface LineProblem {
  readonly line: number;
  readonly text: string;
  readonly problem: EntryProblem | 'duplicate';
}

export interface PlainListOptions {
  readonly category: Category;
  readonly added: string;
  readonly evidence: Evidence;
  /**
   * Drop leading `www.` labels: an entry covers its subdomains, and community sources often list the
   * `www.` name of a site whose bare domain is the same shop.
   */
  readonly stripWww?: boolean;
}

export interface PlainListResult {
  readonly entries: Entry[];
  readonly problems: LineProblem[];
}

/** Blank lines and lines starting with `#` are ignored. */
export function entriesFromPlainText(text: string, options: PlainListOptions): PlainListResult {
  const entries: Entry[] = [];
  const problems: LineProblem[] = [];
  const seen = new Set<string>();
  /** Names as written (canonical, before any `www.` is dropped): a repeat of one is a duplicate. */
  const written = new Set<string>();
  text.split(/\r?\n/).forEach((raw, at) => {
    const line = at + 1;
    const trimmed = raw.trim();
    if (trimmed === '' || trimmed.startsWith('#')) return;
    const www = options.stripWww ? (/^(?:www\.)+/i.exec(trimmed)?.[0] ?? '') : '';
    const check = checkEntryDomain(trimmed.slice(www.length));
    if (!check.ok) {
      problems.push({ line, text: raw, problem: check.problem });
      return;
    }
    const asWritten = www === '' ? check.domain : canonicalAsWritten(trimmed);
    // `www.x` folding into `x` is expected; the same name written twice is not.
    if (seen.has(check.domain)) {
      if (written.has(asWritten)) problems.push({ line, text: raw, problem: 'duplicate' });
      written.add(asWritten);
      return;
    }
    seen.add(check.domain);
    written.add(asWritten);
    entries.push({ domain: check.domain, category: options.category, added: options.added, evidence: options.evidence });
  });
  return { entries, problems };
}

function canonicalAsWritten(text: string): string {
  const check = checkEntryDomain(text);
  return check.ok ? check.domain : text;
}
