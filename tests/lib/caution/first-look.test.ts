import { describe, expect, it } from 'vitest';
import { createContext, runInContext } from 'node:vm';
import { FIRST_LOOK_LIMITS, firstLook, firstLookPasses, readFirstLook } from '../../../lib/caution';
import { SKIPPED_ELEMENTS } from '../../../lib/caution/walk';
import { firstLookTextSchema } from '../../../lib/protection/page-look';
import { parseDocument } from '../../../lib/caution/node/html';
import { FOREIGN_SCRIPTS, junk, nested } from './helpers';

const look = (html: string | Uint8Array, url = 'https://site.example/') => firstLook(parseDocument(html), url);

describe('firstLook', () => {
  it.each([
    ['en', '<title>Online Pharmacy – Fast Delivery</title>'],
    ['fr', '<title>Votre pharmacie en ligne</title>'],
    ['de', '<h1>Ihre Versandapotheke</h1>'],
    ['it', '<h2>Farmacia online</h2>'],
    ['es', '<p>Compre sus medicamentos sin receta</p>'],
    ['nl', '<title>Online apotheek</title>'],
    ['pt', '<h1>Farmácia online</h1>'],
    ['pl', '<title>Apteka internetowa</title>'],
    ['cs', '<h1>Lékárna online</h1>'],
    ['sv', '<title>Apotek på nätet</title>'],
    ['ro', '<p>Medicamente fără rețetă</p>'],
    ['hu', '<title>Online gyógyszertár</title>'],
    ['el', '<title>Φαρμακείο online</title>'],
    ['ru', '<title>Интернет-аптека</title>'],
    ['drug name', '<p>Tadalafil 20 mg</p>'],
    ['disguised name', '<p>V1agra and C!alis</p>'],
  ])('lets a medicine page through (%s)', (_, html) => {
    expect(look(`<html><head></head><body>${html}</body></html>`)).toBe(true);
  });

  it('reads the address: a shop path is enough', () => {
    expect(look('<html><body><p>Welcome</p></body></html>', 'https://x.example/buy-tramadol-online/')).toBe(true);
  });

  it('keeps ordinary pages out', () => {
    for (const html of ['<title>Cycle lanes approved</title><p>The council voted.</p>', '<title>Tarte tatin</title><p>Pommes, sucre, beurre.</p>', '<title>Tablets günstig kaufen</title><p>Galaxy Tab, iPad</p>']) {
      expect(look(`<html><head>${html.split('<p>')[0]}</head><body><p>${html.split('<p>')[1]}</body></html>`), html).toBe(false);
    }
  });

  it('looks only at the start of the text', () => {
    expect(look(`<html><body><p>${'word '.repeat(1_000)}</p><p>pharmacy</p></body></html>`)).toBe(false);
  });

  it('does not throw on hostile pages', () => {
    for (const input of ['', junk(100_000), nested(20_000, 'x'), ...FOREIGN_SCRIPTS, '<a href="http://[::1">x</a>']) expect(typeof look(input)).toBe('boolean');
    expect(look('<p>x</p>', 'not a url')).toBe(false);
  });
});

describe('readFirstLook, the half that runs in the page', () => {
  const page = '<html><head><title>Farmacia online</title><style>h1{}</style></head><body><h1>Ofertas <b>del día</b></h1><script>var viagra = 1</script><p>Compre sin receta</p></body></html>';

  it('reads the title, top headings and leading visible text, leaving out scripts and styles', () => {
    const read = readFirstLook(parseDocument(page));
    expect(read.title).toBe('Farmacia online');
    expect(read.headings).toContain('Ofertas');
    expect(read.headings).toContain('del día');
    expect(read.text).toContain('Compre sin receta');
    expect(read.text).not.toContain('viagra');
  });

  it('leaves out every element the page walk leaves out, and only those', () => {
    for (const name of [...SKIPPED_ELEMENTS, 'div', 'span', 'section']) {
      // Built node by node: the HTML parser would move some of these (void elements, head) elsewhere.
      const doc = parseDocument('<html><body><p>x</p></body></html>');
      const el = doc.createElement(name);
      el.appendChild(doc.createTextNode('tadalafil'));
      doc.body.insertBefore(el, doc.body.firstChild);
      const read = readFirstLook(doc);
      expect(read.text.includes('tadalafil'), name).toBe(!SKIPPED_ELEMENTS.has(name));
    }
    const hidden = readFirstLook(parseDocument('<html><body><div hidden>tadalafil</div><p style="display: none">sildenafil</p><p>x</p></body></html>'));
    expect(hidden.text).not.toMatch(/tadalafil|sildenafil/);
  });

  it('stays within the limits the background checks, whatever the page', () => {
    const huge = `<html><head><title>${'t'.repeat(5_000)}</title></head><body>${'<h1>heading '.repeat(50).concat('x'.repeat(2_000))}${'<p>word word</p>'.repeat(20_000)}</body></html>`;
    for (const input of [huge, '', junk(100_000), nested(20_000, 'x'), ...FOREIGN_SCRIPTS]) {
      const read = readFirstLook(parseDocument(input));
      expect(read.title.length).toBeLessThanOrEqual(FIRST_LOOK_LIMITS.title);
      expect(read.headings.length).toBeLessThanOrEqual(FIRST_LOOK_LIMITS.headings);
      expect(read.text.length).toBeLessThanOrEqual(FIRST_LOOK_LIMITS.text);
      expect(firstLookTextSchema.safeParse(read).success).toBe(true);
    }
  });

  it('gives what it read so far when the document throws', () => {
    const doc = parseDocument('<html><head><title>Apotheke</title></head><body><p>x</p></body></html>');
    Object.defineProperty(doc, 'querySelectorAll', { value: () => { throw new Error('hostile'); } });
    expect(readFirstLook(doc)).toEqual({ title: 'Apotheke', headings: '', text: '' });
  });

  it('is self-contained: its source alone, run where the page is, gives the same answer', async () => {
    // The browser sends only the function's source text into the page (scripting.executeScript's func).
    const doc = parseDocument(page);
    const context = createContext({ document: doc, requestIdleCallback: (job: () => void) => setTimeout(job, 0), setTimeout });
    const remote = runInContext(`(${readFirstLook.toString()})`, context) as typeof readFirstLook;
    expect(await remote(null, 100)).toEqual(readFirstLook(doc));
  });

  it('waits for idle time when asked, and answers the same', async () => {
    const doc = parseDocument(page);
    const waiting = readFirstLook(doc, 50);
    expect(waiting).toBeInstanceOf(Promise);
    expect(await waiting).toEqual(readFirstLook(doc));
  });

  it('firstLookPasses judges what was read with the address, as firstLook does', () => {
    expect(firstLookPasses({ title: 'Cycle lanes', headings: '', text: 'The council voted.' }, 'https://news.example/')).toBe(false);
    expect(firstLookPasses({ title: 'Cycle lanes', headings: ' Ozempic ohne Rezept', text: '' }, 'https://news.example/')).toBe(true);
    expect(firstLookPasses({ title: '', headings: '', text: '' }, 'https://x.example/kamagra-kaufen')).toBe(true);
  });
});
