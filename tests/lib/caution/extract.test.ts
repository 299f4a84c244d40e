import { describe, expect, it } from 'vitest';
import { extractFeatures, FEATURE_LIMITS as L, pageFeaturesSchema } from '../../../lib/caution';
import { parseDocument } from '../../../lib/caution/node/html';
import { featuresOf, FOREIGN_SCRIPTS, junk, nested } from './helpers';

describe('extractFeatures', () => {
  it('takes the title, language, headings, visible text, links, images and forms', () => {
    const f = featuresOf(
      `<!doctype html><html lang="FR-be"><head><title>  Pharmacie \n du Parc </title></head><body>
      <h1>Bienvenue</h1><h2>Nos <b>produits</b></h2><h4>not a heading we keep</h4><p>Première   ligne</p><p>Deuxième</p>
      <a href="/panier">Mon panier</a><a href="https://other.example/x?y=1#z">ailleurs</a>
      <a href="/logo"><img src="/img/logo.png" alt="Logo commun" title="t" width="120" height="80"></a>
      <form action="/add" method="POST"><input type="hidden" name="id" value="3"><input name="qty"><select name="dose"></select><textarea id="note"></textarea><button>Ajouter</button></form></body></html>`,
      'https://parc.example/shop/index.html',
    );
    expect(f).toMatchObject({ url: 'https://parc.example/shop/index.html', lang: 'fr-be', title: 'Pharmacie du Parc', headings: ['Bienvenue', 'Nos produits'], textEnd: '' });
    expect(f.text.split('\n')).toEqual(['Bienvenue', 'Nos produits', 'not a heading we keep', 'Première ligne', 'Deuxième', 'Mon panierailleurs', 'Ajouter']);
    expect(f.links).toEqual([
      { href: 'https://parc.example/panier', text: 'Mon panier' },
      { href: 'https://other.example/x?y=1#z', text: 'ailleurs' },
      { href: 'https://parc.example/logo', text: '' },
    ]);
    expect(f.images).toEqual([{ src: 'https://parc.example/img/logo.png', alt: 'Logo commun', title: 't', linkHref: 'https://parc.example/logo', width: 120, height: 80 }]);
    expect(f.forms).toEqual([{ action: 'https://parc.example/add', method: 'post', fields: ['hidden:id', 'text:qty', 'select:dose', 'textarea:note', 'button:Ajouter'] }]);
    expect(pageFeaturesSchema.safeParse(f).success).toBe(true);
  });

  it('leaves out script, style, noscript, template, svg, hidden and display:none subtrees', () => {
    const f = featuresOf(`<html><body><p>shown</p><script>var viagra = 1</script><style>.x{}</style><noscript>nojs</noscript><template><p>tpl</p></template>
      <svg><text>svgtext</text></svg><div hidden><a href="/h">hidden link</a></div><div style="color:red; DISPLAY : none"><img src="/i.png">gone</div><p>end</p></body></html>`);
    expect(f.text).toBe('shown\nend');
    expect(f.links).toEqual([]);
    expect(f.images).toEqual([]);
  });

  it('resolves addresses through the document base, and keeps only http, https and mailto links', () => {
    const f = featuresOf(`<html><head><base href="https://cdn.example/base/"></head><body><a href="page">a</a><a href="//x.example/">b</a>
      <a href="javascript:alert(1)">c</a><a href="tel:+3312">d</a><a href="mailto:a@b.example">e</a><a href="http://[::1">f</a><a href="${'x'.repeat(5000)}">g</a><a href="">h</a>
      <img src="data:image/png;base64,${'A'.repeat(10_000)}"><img data-src="/lazy.png"></body></html>`, 'https://site.example/dir/');
    // An empty href, a broken one and one longer than a URL may be are links to nowhere: left out.
    expect(f.links.map((l) => l.href)).toEqual(['https://cdn.example/base/page', 'https://x.example/', 'mailto:a@b.example']);
    expect(f.images[0]!.src).toHaveLength(100);
    expect(f.images[1]!.src).toBe('https://cdn.example/lazy.png');
  });

  it('resolves nothing relative when the page has no address, and keeps absolute links', () => {
    const doc = parseDocument('<html><body><a href="/rel">r</a><a href="https://abs.example/">a</a></body></html>');
    expect(extractFeatures(doc).links).toEqual([{ href: 'https://abs.example/', text: 'a' }]);
  });

  // Parsing the 4.5 MB page takes linkedom seconds on a busy machine: the timeout is for the parser.
  it('cuts every field to FEATURE_LIMITS on a huge page, and reads the footer from the end', { timeout: 60_000 }, () => {
    const item = '<div><h2>Heading</h2><a href="/p">product link</a><img src="/p.png" alt="p"><form><input name="q"></form><p>Lorem ipsum dolor sit amet, consectetur.</p></div>';
    const html = `<html><head><title>${'T'.repeat(1000)}</title></head><body>${item.repeat(30_000)}<footer><a href="https://register.example/"><img src="/eu-logo.png" alt="EU logo"></a><p>Musterstraße 1, 12345 Berlin</p></footer></body></html>`;
    const f = featuresOf(html);
    expect(pageFeaturesSchema.safeParse(f).success).toBe(true);
    expect(f.title).toHaveLength(L.title);
    expect(f.text.length).toBeLessThanOrEqual(L.text);
    expect(f.textEnd.length).toBeLessThanOrEqual(L.textEnd);
    expect(f.headings).toHaveLength(L.headings);
    expect(f.links.length).toBeLessThanOrEqual(L.links);
    expect(f.images.length).toBeLessThanOrEqual(L.images);
    expect(f.forms).toHaveLength(L.forms);
    expect(f.textEnd.endsWith('Musterstraße 1, 12345 Berlin')).toBe(true);
    expect(f.images.some((i) => i.alt === 'EU logo' && i.linkHref === 'https://register.example/')).toBe(true);
  });

  it('stops at its node budget: a smaller budget sees less of the same page', () => {
    const html = `<html><body>${'<p>word</p>'.repeat(2_000)}<p>last paragraph</p></body></html>`;
    const full = featuresOf(html);
    const small = extractFeatures(parseDocument(html), { url: 'https://shop.example/', nodeBudget: 100 });
    expect(full.text.split('\n')).toHaveLength(2_001);
    expect(small.text.split('\n').length).toBeLessThanOrEqual(100);
    // The walk from the end still finds the last paragraph.
    expect(small.textEnd.endsWith('last paragraph')).toBe(true);
  });

  it('takes links and images from the top and from the end past any node budget, in document order from each end', () => {
    const html = `<html><body><a href="/first">first</a>${'<p>word</p>'.repeat(3_000)}${'<a href="/p">p</a>'.repeat(1_000)}
      <footer><a href="https://register.example/entry"><img src="/eu-logo.png" alt="EU logo"></a><a href="/imprint">Imprint</a></footer></body></html>`;
    const f = extractFeatures(parseDocument(html), { url: 'https://shop.example/', nodeBudget: 100 });
    expect(f.links).toHaveLength(L.links);
    expect(f.links[0]).toEqual({ href: 'https://shop.example/first', text: 'first' });
    // The end is read backwards: the last link first.
    expect(f.links.slice(-80, -78)).toEqual([{ href: 'https://shop.example/imprint', text: 'Imprint' }, { href: 'https://register.example/entry', text: '' }]);
    expect(f.images).toEqual([expect.objectContaining({ alt: 'EU logo', linkHref: 'https://register.example/entry' })]);
  });

  it('leaves out links and images in hidden subtrees wherever they are, and still finds the visible ones past thousands of hidden', () => {
    const hidden = '<div hidden><a href="/h">h</a><img src="/h.png"></div><div style="display:none"><a href="/s">s</a></div><svg><a href="/svg">svg</a></svg>';
    const f = featuresOf(`<html><body><p>top</p>${hidden.repeat(2_000)}<div style="color: red"><a href="/shown">shown</a><img src="/shown.png"></div><p>end</p></body></html>`);
    expect(f.links).toEqual([{ href: 'https://shop.example/shown', text: 'shown' }]);
    expect(f.images.map((i) => i.src)).toEqual(['https://shop.example/shown.png']);
  });

  // linkedom takes seconds to parse such a page; the walk itself is bounded by its node budget.
  it('walks 100,000 levels of nesting without recursion', { timeout: 120_000 }, () => {
    const f = featuresOf(nested(100_000, '<a href="/deep">deep link</a> buy viagra'));
    expect(f.text.length).toBeLessThanOrEqual(L.text);
    expect(pageFeaturesSchema.safeParse(f).success).toBe(true);
  });

  it('gives valid, empty-ish features for no text, binary junk and scripts it did not plan for', () => {
    for (const input of ['', '<html></html>', '   ', junk(200_000), junk(50_000, 99), ...FOREIGN_SCRIPTS.map((t) => `<p>${t}</p>`)]) {
      const f = featuresOf(input);
      expect(pageFeaturesSchema.safeParse(f).success).toBe(true);
    }
    expect(featuresOf('').text).toBe('');
    expect(featuresOf(`<p>${FOREIGN_SCRIPTS[2]}</p>`).text).toBe(FOREIGN_SCRIPTS[2]);
  });

  it('never splits a surrogate pair when it cuts', () => {
    const f = featuresOf(`<html><head><title>${'😀'.repeat(400)}</title></head><body></body></html>`);
    expect(f.title.length).toBeLessThanOrEqual(L.title);
    expect(/[\uD800-\uDBFF]$/.test(f.title)).toBe(false);
  });
});
