/**
 * The EU common logo for online sale of medicines (Directive 2011/62/EU, Implementing Regulation
 * 699/2014): every legal EU/EEA online seller shows it, and clicking it must open the seller's
 * entry in its country's national register, on the authority's site. So a logo that links
 * nowhere, back to the shop, or to any host that is not a register (data/caution/registers.json)
 * is a strong signal, and a link to a register host is a claim the person can check in one click
 * (the extension itself sends nothing). Logos are found by their words (alt, title, file name) in
 * many languages, and by their link to a register. Only on shops and pages that offer medicines:
 * regulators and guides show the logo, unlinked, to explain it.
 */
import { parse } from 'tldts';
import type { PageRead } from './page/read';
import { phrase } from './page/phrases';
import { allRegisters, registerForUrl, type Register } from './registers';
import { signal } from './signal';
import { fold } from './text';
import type { RegisterClaim, Signal } from './types';
import { lazy } from './lazy';

export const WEIGHTS = { noLink: 1, linksToSelf: 1.3, notARegister: 1.3, otherCountry: 0.3 } as const;

const LOGO_WORDS = lazy(() => phrase([
  'common logo', 'eu ?logo', 'logo (?:eu|ue|ce|ewr|eee)(?![\\p{L}])', 'eu common', 'european common', 'gemeinsames? (?:versandhandels)?logo', 'versandhandels ?logo', '(?:eu ?)?sicherheits ?logo',
  'logo commun', 'logo comune', 'logotipo comun', 'logo comun', 'logo comum', 'logotipo comum', 'gemeenschappelijk logo', 'wspolne logo', 'spolecne logo', 'spolocne logo',
  'gemensam(?:ma)? logotyp', 'gemensamma symbol', 'yhteinen logo', 'uhine logo', 'kozos logo', 'comun european', 'fælles logo', 'faelles logo', 'felles logo',
  'check if this website is operating legally', 'operating legally', 'legally operating', 'prufen sie,? ob diese website legal', 'legal online (?:pharmacy|sale)', 'verifiez si ce site',
  'verifier si ce site', 'verifica se questo sito', 'compruebe si este sitio', 'comprobar si este sitio', 'controleer of deze website', 'sprawdz,? czy ta strona', 'versandhandelsregister',
  'commonlogo', 'eulogo', 'logoeu', 'logoue', 'dimdi', 'aanbiedersmedicijnen', 'distafarma', 'register of online', 'registre des sites',
]));

export interface LogoFinding {
  readonly signals: Signal[];
  readonly register: RegisterClaim | null;
}

function words(src: string): string {
  if (src.startsWith('data:')) return '';
  try {
    const u = new URL(src);
    return decodeURIComponent(u.pathname).replace(/[-_./]+/g, ' ');
  } catch {
    return '';
  }
}

function hostOf(url: string): string | null {
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    return null;
  }
}

const siteOf = (host: string): string => parse(host).domain ?? host;

/** The country a host's top-level domain names, if it is a two-letter one. */
function countryOfHost(host: string): string | null {
  const tld = host.split('.').pop() ?? '';
  if (!/^[a-z]{2}$/.test(tld)) return null;
  return tld === 'uk' ? 'GB' : tld.toUpperCase();
}

interface Candidate {
  readonly href: string | null;
  readonly label: string;
}

function candidates(read: PageRead, registers: readonly Register[]): Candidate[] {
  const found: Candidate[] = [];
  for (const image of read.features.images) {
    const text = fold(`${image.alt} ${image.title} ${words(image.src)}`);
    const toRegister = image.linkHref !== null && registerForUrl(image.linkHref, registers) !== null;
    if (LOGO_WORDS().test(text) || toRegister) found.push({ href: image.linkHref, label: image.alt || image.title });
  }
  for (const link of read.features.links) {
    if (LOGO_WORDS().test(fold(link.text))) found.push({ href: link.href, label: link.text });
  }
  return found;
}

export function logoSignals(read: PageRead, registers: readonly Register[] = allRegisters()): LogoFinding {
  if (!(read.offersMedicines || read.isShop) || registerForUrl(read.features.url, registers)) return { signals: [], register: null };
  const found = candidates(read, registers);
  if (found.length === 0) return { signals: [], register: null };
  const linked = found.map((c) => ({ ...c, register: c.href ? registerForUrl(c.href, registers) : null }));
  const real = linked.find((c) => c.register);
  const signals: Signal[] = [];
  for (const c of linked) {
    if (c.register) continue;
    const host = c.href ? hostOf(c.href) : null;
    if (!c.href || !host) {
      // A second, unlinked copy of a logo that elsewhere links to a register is not a fake.
      if (!real) signals.push(signal('logo', 'no-link', WEIGHTS.noLink, 'cautionLogoNoLink'));
    } else if (siteOf(host) === read.site) {
      signals.push(signal('logo', 'links-to-self', WEIGHTS.linksToSelf, 'cautionLogoLinksToSelf', host));
    } else {
      signals.push(signal('logo', 'not-a-register', WEIGHTS.notARegister, 'cautionLogoNotARegister', host));
    }
    break;
  }
  let register: RegisterClaim | null = null;
  if (real?.register && real.href) {
    register = { url: real.href, country: real.register.country, authority: real.register.authority };
    const country = countryOfHost(read.host);
    const siteHasRegister = country !== null && registers.some((r) => r.country === country && r.euLogo);
    if (siteHasRegister && country !== real.register.country) {
      signals.push(signal('logo', 'other-country', WEIGHTS.otherCountry, 'cautionLogoOtherCountry', real.register.country, country));
    }
  }
  return { signals, register };
}
