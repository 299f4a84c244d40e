import { describe, expect, it } from 'vitest';
import { extractFeatures, firstLook } from '../../../lib/caution';
import { parseDocument } from '../../../lib/caution/node/html';

/**
 * The content script runs extractFeatures and firstLook on the browser's document; the toolkit and
 * these tests on linkedom's. Both give the same features when the code touches only what the DOM
 * standard defines and both implement alike, and never layout. This test records every property
 * the code reads on any node, and fails on one outside that list.
 */
const STANDARD = new Set([
  // Document
  'body', 'documentElement', 'title', 'URL', 'querySelector', 'querySelectorAll', 'length',
  // Node
  'nodeType', 'firstChild', 'lastChild', 'nextSibling', 'previousSibling', 'parentNode', 'parentElement', 'data',
  // Element
  'localName', 'getAttribute', 'hasAttribute', 'closest',
]);

function recording(doc: Document): { doc: Document; read: Set<string> } {
  const read = new Set<string>();
  const wrapped = new WeakMap<object, object>();
  const unwrap = new WeakMap<object, object>();
  const wrap = (value: unknown): unknown => {
    if (value === null || typeof value !== 'object') return value;
    const known = wrapped.get(value);
    if (known) return known;
    const proxy = new Proxy(value, {
      get(target, prop) {
        if (typeof prop === 'string' && !/^\d+$/.test(prop)) read.add(prop);
        const result = Reflect.get(target, prop, target) as unknown;
        if (typeof result === 'function') {
          return (...args: unknown[]) => wrap((result as (...a: unknown[]) => unknown).apply(target, args.map((a) => (a && typeof a === 'object' ? (unwrap.get(a) ?? a) : a))));
        }
        return wrap(result);
      },
    });
    wrapped.set(value, proxy);
    unwrap.set(proxy, value);
    return proxy;
  };
  return { doc: wrap(doc) as Document, read };
}

const PAGE = `<!doctype html><html lang="de"><head><title>Apotheke</title><base href="/shop/"></head><body>
<header><a href="/warenkorb">Warenkorb</a></header><h1>Viagra kaufen</h1><h2>Angebote</h2><p hidden>x</p><script>1</script>
<form action="add" method="post"><input name="qty"><select name="d"></select><button>In den Warenkorb</button></form>
<a href="https://www.dimdi.de/x"><img src="eu.png" data-src="eu2.png" alt="EU-Logo" width="10"></a><p>${'Text '.repeat(5000)}</p><footer>Impressum</footer></body></html>`;

describe('extractFeatures and firstLook use only standard DOM properties', () => {
  it('reads nothing but the standard properties (and no layout: no offsetWidth, getBoundingClientRect, innerText, getComputedStyle)', () => {
    const { doc, read } = recording(parseDocument(PAGE));
    const features = extractFeatures(doc, { url: 'https://apo.example/p' });
    firstLook(doc, 'https://apo.example/p');
    expect(features.links.length).toBeGreaterThan(0); // the recorded run did the work
    for (const used of ['localName', 'firstChild', 'nextSibling', 'getAttribute', 'data']) expect(read.has(used)).toBe(true);
    expect([...read].filter((p) => !STANDARD.has(p)).sort()).toEqual([]);
    for (const layout of ['offsetWidth', 'getBoundingClientRect', 'innerText', 'getComputedStyle', 'checkVisibility', 'textContent', 'href', 'src']) expect(read.has(layout)).toBe(false);
  });

  it('gives the same features through the recording as without it', () => {
    const plain = extractFeatures(parseDocument(PAGE), { url: 'https://apo.example/p' });
    const { doc } = recording(parseDocument(PAGE));
    expect(extractFeatures(doc, { url: 'https://apo.example/p' })).toEqual(plain);
  });
});
