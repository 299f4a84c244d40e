import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { hostFromUrl } from '../../../lib/domain';
import { useCatalogue } from '../../../lib/i18n';
import { compileCatalogue } from '../../../lib/i18n/compile';
import { badgeLook, showBadge } from '../../../lib/protection';
import type { Verdict, VerdictKind } from '../../../lib/verdict';
import { echoCatalogue, readLocale, serveCatalogues } from '../i18n/catalogues';

const verdict = (kind: VerdictKind): Verdict => ({ kind, host: hostFromUrl('https://rogue.example/')!, hits: [] });

// The host in the title sits in a left-to-right isolate (LRI … PDI), so no right-to-left title reorders it.
const ISOLATED = '\u2066rogue.example\u2069';

describe('badgeLook', () => {
  beforeEach(() => {
    // Every message is its key and arguments, so we see what was asked.
    useCatalogue(echoCatalogue());
  });

  it('shows a red mark and names the host, isolated, for a listed site', () => {
    expect(badgeLook(verdict('listed'))).toEqual({ text: 'badgeListedText', color: '#B3261E', title: `badgeListedTitle|${ISOLATED}` });
  });

  it('shows a green mark and names the host, isolated, for a verified site', () => {
    expect(badgeLook(verdict('verified'))).toEqual({ text: 'badgeVerifiedText', color: '#1B6E35', title: `badgeVerifiedTitle|${ISOLATED}` });
  });

  it('shows an amber mark and names the host, isolated, for a site with signs of an illegal pharmacy', () => {
    expect(badgeLook(verdict('caution'))).toEqual({ text: 'badgeCautionText', color: '#B45309', title: `badgeCautionTitle|${ISOLATED}` });
  });

  it('shows a red mark naming the framed site for a page that tried to show a listed site in a frame', () => {
    const framed = '\u2066pills.example\u2069';
    for (const kind of ['unknown', 'caution', 'verified'] as const) {
      expect(badgeLook(verdict(kind), true, ['pills.example'])).toEqual({ text: 'badgeListedText', color: '#B3261E', title: `badgeEmbeddedTitle|${framed}` });
    }
    // A listed page keeps its own warning; no web page and no access keep theirs.
    expect(badgeLook(verdict('listed'), true, ['pills.example']).title).toBe(`badgeListedTitle|${ISOLATED}`);
    expect(badgeLook(null, true, ['pills.example']).text).toBe('');
    expect(badgeLook(verdict('unknown'), false, ['pills.example']).title).toBe('badgeNoAccessTitle');
  });

  it('shows no badge for an unknown site', () => {
    expect(badgeLook(verdict('unknown'))).toEqual({ text: '', color: null, title: 'actionTitle' });
  });

  it('shows no badge where there is no web page', () => {
    expect(badgeLook(null)).toEqual({ text: '', color: null, title: 'actionTitle' });
  });

  it('writes English when English is in use', () => {
    useCatalogue(compileCatalogue('en', readLocale('en'), readLocale('en')).catalogue);
    expect(badgeLook(verdict('listed')).title).toBe(`Pharmacheck: warning, ${ISOLATED} is on a list of illegal online pharmacies`);
  });
});

describe('badgeLook without access to sites', () => {
  beforeEach(() => {
    useCatalogue(echoCatalogue());
  });

  it.each<VerdictKind | null>(['listed', 'verified', 'unknown', null])('says protection is off, whatever the verdict (%s)', (kind) => {
    expect(badgeLook(kind === null ? null : verdict(kind), false)).toEqual({ text: 'badgeNoAccessText', color: '#44464F', title: 'badgeNoAccessTitle' });
  });
});
