import { describe, expect, it } from 'vitest';
import { firstLook } from '../../../lib/caution';
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
