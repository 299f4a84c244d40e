import { describe, expect, it } from 'vitest';
import { pageSignals } from '../../../../lib/caution';
import { article, FOREIGN_SCRIPTS, ids, junk, readOf, shop } from '../helpers';

const signals = (html: string, url?: string) => pageSignals(readOf(html, url));
const has = (html: string, id: string, url?: string) => ids(signals(html, url)).includes(id);

const grid = (...items: string[]) => items.map((i) => `<div><h3>${i}</h3><p>$49.00</p><button>Add to cart</button></div>`).join('');

describe('page signals: drug classes rarely sold together', () => {
  it('finds erectile-dysfunction drugs offered beside controlled ones, and names them', () => {
    const found = signals(shop(grid('Viagra 100mg', 'Xanax 2mg')));
    expect(ids(found)).toContain('page.class-mix');
    expect(found.find((s) => s.id === 'page.class-mix')!.reason.subs[0]).toBe('viagra, xanax');
  });

  it('finds four kinds at once', () => {
    expect(has(shop(grid('Cialis 20mg', 'Amoxicillin 500mg', 'Ozempic 1mg', 'Finasteride 1mg')), 'page.many-classes')).toBe(true);
  });

  it('counts offered medicines only: news, leaflets and forums that name them stay quiet', () => {
    expect(has(article('<p>Police seized fake Viagra, Xanax, tramadol and Ozempic pens, a dangerous mix.</p>'), 'page.class-mix')).toBe(false);
    expect(has(article('<p>I take Viagra and my doctor also prescribed diazepam for anxiety; is that a problem?</p>'), 'page.class-mix')).toBe(false);
  });

  it('does not take a test kit for the medicine it tests for', () => {
    expect(has(shop(grid('Viagra 100mg', 'Oxycodone test strips (50 pack)')), 'page.class-mix')).toBe(false);
  });
});

describe('page signals: disguised names', () => {
  it.each(['V1AGRA', 'c!alis', 'vi@gra', 'V.I.A.G.R.A', 'x@nax', 'C-i-a-l-i-s', 'tr4mad0l'])('finds %s', (name) => {
    expect(has(`<html><body><p>Best ${name} deals</p></body></html>`, 'page.disguised-names')).toBe(true);
  });

  it('leaves plain, accented and ordinary spellings alone', () => {
    for (const text of ['Viagra', 'VIAGRA', 'Viágra', 'le Vitra Design Museum', 'am bien', 'Cialis 20 mg', 'Pro zac']) {
      expect(has(`<html><body><p>${text}</p></body></html>`, 'page.disguised-names'), text).toBe(false);
    }
  });
});

describe('page signals: prices and bonuses', () => {
  it('finds a price per pill and free pills on a page that offers medicines', () => {
    const html = shop(`${grid('Viagra 100mg')}<p>Only $0.99 per pill! 10 free pills with every order.</p>`);
    expect(ids(signals(html))).toEqual(expect.arrayContaining(['page.price-per-pill', 'page.bonus-pills']));
  });

  it.each([
    ['fr', '0,85 € par comprimé', 'pilules gratuites'],
    ['de', '1,49 € pro Tablette', 'Gratis-Pillen'],
    ['es', '1,10 € por pastilla', 'pastillas gratis'],
    ['it', '1,20 € a pillola', 'pillole in omaggio'],
  ])('in %s', (lang, price, bonus) => {
    const html = shop(`${grid('Cialis 20 mg')}<p>${price}</p><p>${bonus}</p>`, { lang });
    expect(ids(signals(html))).toEqual(expect.arrayContaining(['page.price-per-pill', 'page.bonus-pills']));
  });

  it('stays quiet on shops that sell no medicine, and on news that quotes the trade', () => {
    expect(has(shop('<p>Buy 2 get 1 free! Socks $2.00 per pair.</p>'), 'page.bonus-pills')).toBe(false);
    expect(has(article('<p>These fake sites sell Viagra at $0.99 per pill and promise free pills, which is illegal.</p>'), 'page.price-per-pill')).toBe(false);
  });
});

describe('page signals: payment', () => {
  it('finds payment by crypto or money transfer only', () => {
    expect(has(shop(`${grid('Tramadol 50mg')}<p>We accept Bitcoin, USDT and Western Union.</p>`), 'page.hidden-payment')).toBe(true);
  });

  it('stays quiet when a traceable method is offered too, or when nothing medical is sold', () => {
    expect(has(shop(`${grid('Tramadol 50mg')}<p>Pay by Visa, Mastercard or Bitcoin.</p>`), 'page.hidden-payment')).toBe(false);
    expect(has(shop(`${grid('Running shoes')}<p>We accept Bitcoin only.</p>`), 'page.hidden-payment')).toBe(false);
  });
});

describe('page signals: who sells', () => {
  it('finds a medicine shop with no address, licence or pharmacist', () => {
    expect(has(shop(grid('Xanax 2mg')), 'page.no-identity')).toBe(true);
  });

  it.each([
    ['a street address', '120 Main Street, Springfield'],
    ['a German address', 'Lindenstraße 12, 50674 Köln'],
    ['an Impressum', '<a href="/impressum">Impressum</a>'],
    ['a licence number', 'GPhC registration number 1098765'],
    ['a pharmacist', 'Pharmacien titulaire : Claire Martin'],
    ['an Italian VAT number', 'P. IVA 01234567890'],
  ])('stays quiet with %s', (_, footer) => {
    expect(has(shop(grid('Xanax 2mg'), { footer }), 'page.no-identity')).toBe(false);
  });
});

describe('page signals: seals', () => {
  it('finds a certifier’s seal that does not link to the certifier, and invented badges', () => {
    expect(has(shop(`${grid('Cialis 20mg')}<img src="/cipa.png" alt="CIPA certified">`), 'page.fake-seal')).toBe(true);
    expect(has(shop(`${grid('Cialis 20mg')}<img src="/seal.png" alt="Verified online pharmacy">`), 'page.fake-seal')).toBe(true);
    expect(has(shop(`${grid('Cialis 20mg')}<p>FDA approved pharmacy</p>`), 'page.fake-seal')).toBe(true);
  });

  it('stays quiet for a seal that links to its certifier, and for a guide that tells readers about seals', () => {
    expect(has(shop(`${grid('Cialis 20mg')}<a href="https://www.legitscript.com/websites/?checker_keywords=x"><img src="/ls.png" alt="LegitScript certified"></a>`), 'page.fake-seal')).toBe(false);
    expect(has(article('<p>A CIPA seal can help, but click it: it should take you to cipa.com.</p>'), 'page.fake-seal')).toBe(false);
  });
});

describe('page signals: research use only', () => {
  it('finds GLP-1 agonists sold for "research" with weight-loss claims', () => {
    const found = signals(shop(`${grid('Semaglutide 10mg vial', 'Tirzepatide 15mg')}<p>Fast weight loss. For research use only, not for human consumption.</p>`));
    expect(found.find((s) => s.id === 'page.research-only')?.weight).toBe(1.2);
  });

  it('stays quiet for a laboratory supplier of reagents, and for an article about the trade', () => {
    expect(has(shop(`${grid('Sodium chloride 1kg')}<p>For research use only.</p>`), 'page.research-only')).toBe(false);
    expect(has(article('<p>Semaglutide sold as research peptides, not for human consumption, is dangerous.</p>'), 'page.research-only')).toBe(false);
  });
});

describe('page signals: advertising', () => {
  it('finds a title that offers, repeated offers, lures and a Canadian claim off .ca', () => {
    const html = shop(`<ul><li>buy viagra online</li><li>cheap cialis</li><li>order tramadol overnight</li></ul>${grid('Viagra 100mg')}<p>Discreet packaging, free reshipment if stuck in customs.</p><p>Canadian Pharmacy</p>`, { title: 'Buy Viagra Online' });
    expect(ids(signals(html, 'https://meds.example.com/'))).toEqual(expect.arrayContaining(['page.title-offer', 'page.offer-phrases', 'page.shipping-lure', 'page.canadian-claim']));
    expect(ids(signals(html, 'https://pharmacy.example.ca/'))).not.toContain('page.canadian-claim');
  });

  it('does not take a question or a warning in the title for an offer', () => {
    expect(has(article('<p>No.</p>', { title: 'Can I buy Viagra online?' }), 'page.title-offer')).toBe(false);
    expect(has(article('<p>Text.</p>', { title: 'Why you should never buy Viagra online' }), 'page.title-offer')).toBe(false);
  });
});

describe('page signals on hostile pages', () => {
  it('give no signal and do not throw on junk, empty pages and unplanned scripts', () => {
    for (const html of ['', '<html></html>', ...FOREIGN_SCRIPTS.map((t) => `<html><body><p>${t}</p></body></html>`)]) expect(signals(html)).toEqual([]);
    expect(Array.isArray(pageSignals(readOf(new TextDecoder().decode(junk(300_000)))))).toBe(true);
  });

  it('stay bounded on a page that names medicines thousands of times', () => {
    const html = shop(grid(...Array.from({ length: 3_000 }, (_, i) => `Viagra ${i}mg xanax tramadol`)));
    const found = signals(html);
    expect(ids(found)).toContain('page.class-mix');
    expect(found.length).toBeLessThan(20);
  });
});
