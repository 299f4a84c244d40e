/**
 * The generated ordinary pages: text already on this machine, rendered as simple HTML pages, so
 * the false-caution rate per 1,000 is measured on pages that have nothing to do with medicines
 * (and some that do in passing: licences, changelogs, security notes). Deterministic: the same
 * files, sorted, every run. Sources: the README.md of every package in node_modules (depth ≤ 3),
 * then Debian's /usr/share/doc/<package>/copyright and README files, until `count` pages.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

export interface GeneratedPage {
  readonly id: string;
  readonly url: string;
  readonly html: string;
  readonly source: string;
}

const MAX_TEXT = 200_000;

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Markdown or plain text as a page: headings, paragraphs, and links from [text](url) and bare URLs. */
export function renderPage(title: string, text: string): string {
  const blocks = text.slice(0, MAX_TEXT).split(/\n\s*\n/);
  const body = blocks
    .map((block) => {
      const heading = /^(#{1,3})\s+(.*)/.exec(block.trim());
      if (heading) return `<h${heading[1]!.length}>${escape(heading[2]!)}</h${heading[1]!.length}>`;
      const html = escape(block)
        .replace(/\[([^\]]{1,200})\]\((https?:\/\/[^)\s]{1,500})\)/g, '<a href="$2">$1</a>')
        .replace(/(^|\s)(https?:\/\/[^\s<]{1,500})/g, '$1<a href="$2">$2</a>');
      return `<p>${html}</p>`;
    })
    .join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escape(title)}</title></head><body><header><a href="/">Docs</a> <nav><a href="/packages/">Packages</a> <a href="/search/">Search</a></nav></header><main><h1>${escape(title)}</h1>\n${body}</main><footer>Generated from files on this machine for the evaluation.</footer></body></html>`;
}

function files(root: string): { name: string; path: string }[] {
  const out: { name: string; path: string }[] = [];
  const nm = join(root, 'node_modules');
  const visit = (dir: string, depth: number) => {
    let entries: string[];
    try {
      entries = readdirSync(dir).sort();
    } catch {
      return;
    }
    for (const entry of entries) {
      const path = join(dir, entry);
      if (/^readme\.md$/i.test(entry)) out.push({ name: dir.slice(nm.length + 1), path });
      else if (depth < 3 && !entry.startsWith('.') && statSync(path, { throwIfNoEntry: false })?.isDirectory()) visit(path, depth + 1);
    }
  };
  visit(nm, 1);
  let docs: string[] = [];
  try {
    docs = readdirSync('/usr/share/doc').sort();
  } catch {
    docs = [];
  }
  for (const pkg of docs) {
    for (const file of ['copyright', 'README', 'README.md', 'README.txt', 'README.Debian']) {
      const path = join('/usr/share/doc', pkg, file);
      if (statSync(path, { throwIfNoEntry: false })?.isFile()) out.push({ name: `debian/${pkg}/${file}`, path });
    }
  }
  return out;
}

export function generatedPages(root: string, count: number): GeneratedPage[] {
  const pages: GeneratedPage[] = [];
  for (const file of files(root)) {
    if (pages.length >= count) break;
    let text: string;
    try {
      text = readFileSync(file.path, 'utf8');
    } catch {
      continue;
    }
    if (text.trim().length < 200) continue;
    const slug = file.name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 50) || 'page';
    pages.push({ id: `gen-${pages.length + 1}`, url: `https://${slug}.docs-mirror.org/`, html: renderPage(`${file.name} — documentation`, text), source: file.name });
  }
  return pages;
}
