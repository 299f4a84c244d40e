/**
 * No code from text, no markup from data: the extension's own sources (lib/, entrypoints/) never
 * use eval, the Function constructor, string timers, computed imports or HTML sinks, and its pages
 * load only their own scripts. The content security policy forbids most of this at run time; this
 * keeps it out of the code, where a reviewer (or a store) would otherwise have to look for it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findUnsafeCode, findUnsafeHtml } from './support/unsafe-code';

function filesUnder(dir: string, pattern: RegExp): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && pattern.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name));
}

describe('the unsafe-code scan', () => {
  it.each([
    ['eval', 'eval(text);'],
    ['eval through window', 'window.eval(text);'],
    ['the Function constructor', 'const f = new Function("return 1");'],
    ['the Function constructor, called', 'Function("return 1")();'],
    ['innerHTML', 'el.innerHTML = name;'],
    ['innerHTML by string key', "el['innerHTML'] = name;"],
    ['outerHTML', 'el.outerHTML = name;'],
    ['insertAdjacentHTML', "el.insertAdjacentHTML('beforeend', name);"],
    ['dangerouslySetInnerHTML', 'const x = <div dangerouslySetInnerHTML={{ __html: name }} />;'],
    ['a string timer', "setTimeout('alert(1)', 10);"],
    ['a template timer', 'setInterval(`tick(${n})`, 10);'],
    ['a computed import', 'await import(url);'],
    ['document.write', 'document.write(name);'],
    ['srcdoc', 'frame.srcdoc = page;'],
  ])('flags %s', (_name, code) => {
    expect(findUnsafeCode('sample.tsx', code)).not.toEqual([]);
  });

  it.each([
    ['text content', 'el.textContent = name;'],
    ['a function timer', 'setTimeout(() => done(), 10);'],
    ['a named function timer', 'setTimeout(resolve, 10);'],
    ['a literal import', "await import('./page');"],
    ['the words in a comment', '// never innerHTML or eval( here\n/* nor new Function() */ const a = 1;'],
    ['the words in a string', "const help = 'innerHTML is not used';"],
    ['a JSX text child', 'const x = <p>{name}</p>;'],
  ])('accepts %s', (_name, code) => {
    expect(findUnsafeCode('sample.tsx', code)).toEqual([]);
  });

  it.each([
    ['an inline script', '<script>alert(1)</script>'],
    ['a remote script', '<script type="module" src="https://cdn.example/x.js"></script>'],
    ['a protocol-relative script', '<script src="//cdn.example/x.js"></script>'],
    ['an inline handler', '<body onload="go()">'],
  ])('flags %s in a page', (_name, html) => {
    expect(findUnsafeHtml(html)).not.toEqual([]);
  });

  it('accepts a page that loads its own module script', () => {
    expect(findUnsafeHtml('<div id="app"></div><script type="module" src="./main.tsx"></script>')).toEqual([]);
  });
});

describe("the extension's sources", () => {
  const sources = [...filesUnder('lib', /\.tsx?$/), ...filesUnder('entrypoints', /\.tsx?$/)];

  it('exist (the scan looks where the code is)', () => {
    expect(sources.length).toBeGreaterThan(20);
  });

  it('use no eval, no Function constructor, no string timers, no computed imports and no HTML sinks', () => {
    const findings = sources.flatMap((file) => findUnsafeCode(file, readFileSync(file, 'utf8')).map((f) => `${file}:${f.line} ${f.what}`));
    expect(findings).toEqual([]);
  });

  it('have pages that load only their own scripts', () => {
    const pages = filesUnder('entrypoints', /\.html$/);
    expect(pages.length).toBeGreaterThan(0);
    const findings = pages.flatMap((file) => findUnsafeHtml(readFileSync(file, 'utf8')).map((f) => `${file}: ${f}`));
    expect(findings).toEqual([]);
  });
});
