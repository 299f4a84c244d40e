import { describe, expect, it } from 'vitest';
import { allRegisters, logoSignals, registerForUrl } from '../../../lib/caution';
import { ids, readOf, shop } from './helpers';

const offer = '<div><h3>Sildenafil 100 mg</h3><p>19,90 €</p><button>In den Warenkorb</button></div>';
const logo = (href: string | null, alt = 'EU-Sicherheitslogo', src = '/img/logo.png') =>
  href === null ? `<img src="${src}" alt="${alt}">` : `<a href="${href}"><img src="${src}" alt="${alt}"></a>`;
const find = (footer: string, url = 'https://apotheke-shop.example.de/') => logoSignals(readOf(shop(offer, { footer, lang: 'de' }), url));

describe('the EU common logo', () => {
  it('is a claim the person can check when it links to a register host, older hosts included', () => {
    for (const href of ['https://versandhandel.dimdi.de/websites/?id=1', 'https://www.dimdi.de/dynamic/de/arzneimittel/versandhandel/', 'https://legemiddelverket.no/godkjente-utsalgssteder']) {
      const found = find(logo(href), 'https://apotheke-shop.example.com/');
      expect(found.signals, href).toEqual([]);
      expect(found.register?.url).toBe(href);
    }
    expect(find(logo('https://versandhandel.dimdi.de/x')).register).toMatchObject({ country: 'DE', authority: expect.stringContaining('BfArM') });
  });

  it('is found by its words in many languages and by its file name', () => {
    for (const [alt, src] of [['Logo commun', '/a.png'], ['logo comune', '/a.png'], ['Logotipo común', '/a.png'], ['Gemeenschappelijk logo', '/a.png'], ['', '/img/eu-logo-de.png'], ['Click to verify if this website is operating legally', '/x.png']]) {
      expect(ids(find(logo('https://fake-register.example/check', alt!, src)).signals), `${alt} ${src}`).toEqual(['logo.not-a-register']);
    }
  });

  it('is a strong signal when it links nowhere, to the shop itself, or to a host that is no register', () => {
    expect(ids(find(logo(null)).signals)).toEqual(['logo.no-link']);
    expect(find(logo('https://apotheke-shop.example.de/zertifikat/')).signals.map((s) => [s.id, s.reason.subs])).toEqual([['logo.links-to-self', ['apotheke-shop.example.de']]]);
    expect(find(logo('https://www.apotheke-shop.example.de/x')).signals.map((s) => s.id)).toEqual(['logo.links-to-self']);
    expect(find(logo('https://eu-pharmacy-verify.example/check')).signals.map((s) => [s.id, s.weight])).toEqual([['logo.not-a-register', 1.3]]);
    expect(find(logo('https://versandhandel.dimdi.de.evil.example/')).signals.map((s) => s.id)).toEqual(['logo.not-a-register']);
    expect(find(logo('javascript:void(0)')).signals.map((s) => s.id)).toEqual(['logo.no-link']);
  });

  it('says so, weakly, when the register is another country’s than the site’s address', () => {
    const found = find(logo('https://www.aanbiedersmedicijnen.nl/aanbieders/x'), 'https://apotheek.example.de/');
    expect(found.signals.map((s) => [s.id, s.weight, s.reason.subs])).toEqual([['logo.other-country', 0.3, ['NL', 'DE']]]);
    expect(find(logo('https://www.aanbiedersmedicijnen.nl/x'), 'https://apotheek.example.com/').signals).toEqual([]);
  });

  it('ignores an unlinked copy when another copy links to a register', () => {
    expect(find(`${logo(null)} ${logo('https://versandhandel.dimdi.de/x')}`).signals).toEqual([]);
  });

  it('is not read on pages that sell no medicine, or on a register’s own site', () => {
    const info = readOf('<html><body><h1>Das EU-Sicherheitslogo</h1><img src="/muster.png" alt="EU-Sicherheitslogo"><p>Kaufen Sie nie Arzneimittel ohne Rezept.</p></body></html>', 'https://info.example.de/');
    expect(logoSignals(info)).toEqual({ signals: [], register: null });
    expect(find(logo(null), 'https://www.bfarm.de/shop').signals).toEqual([]);
  });
});

describe('registerForUrl', () => {
  it('matches register hosts and hosts under their registrable domains, nothing else', () => {
    expect(registerForUrl('https://distafarma.aemps.es/farmacom/')?.country).toBe('ES');
    expect(registerForUrl('https://www.sukl.cz/modules/apotheke/verify.php?kod=1')?.country).toBe('CZ');
    expect(registerForUrl('http://PSI.ie/x')?.country).toBe('IE');
    for (const url of ['https://psi.ie.example/', 'https://notpsi.ie/', 'ftp://psi.ie/', 'not a url', '', 'mailto:x@psi.ie']) expect(registerForUrl(url), url).toBeNull();
  });

  it('keeps how far each register was verified', () => {
    expect(new Set(allRegisters().map((r) => r.verification))).toEqual(new Set(['VERIFIED', 'SECONDARY', 'INFERRED']));
  });
});
