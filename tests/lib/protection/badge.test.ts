import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { hostFromUrl } from '../../../lib/domain';
import { useCatalogue } from '../../../lib/i18n';
import { compileCatalogue } from '../../../lib/i18n/compile';
import { badgeLook, showBadge } from '../../../lib/protection';
import type { Verdict, VerdictKind } from '../../../lib/verdict';
import { echoCatalogue } from '../i18n/catalogues';

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

  it.each<VerdictKind>(['unknown', 'caution'])('shows no badge for a %s site', (kind) => {
    expect(badgeLook(verdict(kind))).toEqual({ text: '', color: null, title: 'actionTitle' });
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

function readLocale(code: string): Record<string, unknown> {
  return JSON.parse(readFileSync(new URL(`../../../locales/${code}.json`, import.meta.url), 'utf8')) as Record<string, unknown>;
}

/** The package's messages/<code>.json, as the build writes them, served to the background's fetch. */
function serveCatalogues(): string[] {
  const asked: string[] = [];
  // The fake browser has no UI language; Chromium in English says en-US.
  vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue('en-US');
  vi.spyOn(globalThis, 'fetch').mockImplementation(async (input) => {
    const code = /messages\/([\w-]+)\.json$/.exec(String(input))?.[1];
    asked.push(code ?? String(input));
    if (!code) return new Response('', { status: 404 });
    return Response.json(compileCatalogue(code, readLocale(code), readLocale('en')).catalogue);
  });
  return asked;
}

describe('showBadge', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it.each([
    [true, '!'],
    [false, 'off'],
  ])('with access to sites %s, marks the tab %s', async (granted, text) => {
    serveCatalogues();
    vi.spyOn(fakeBrowser.permissions, 'contains').mockResolvedValue(granted);
    const tab = await fakeBrowser.tabs.create({ url: 'https://rogue.example/' });
    await showBadge(tab.id!, verdict('listed'));
    expect(await fakeBrowser.action.getBadgeText({ tabId: tab.id! })).toBe(text);
  });

  it('writes the title in the language of the setting, and follows a change of it', async () => {
    const asked = serveCatalogues();
    vi.spyOn(fakeBrowser.permissions, 'contains').mockResolvedValue(true);
    await fakeBrowser.storage.local.set({ language: 'fr' });
    const tab = await fakeBrowser.tabs.create({ url: 'https://rogue.example/' });
    await showBadge(tab.id!, verdict('listed'));
    expect(await fakeBrowser.action.getTitle({ tabId: tab.id! })).toBe(`Pharmacheck : attention, ${ISOLATED} figure sur une liste de pharmacies en ligne illégales`);
    await fakeBrowser.storage.local.set({ language: 'ar' });
    await showBadge(tab.id!, verdict('listed'));
    expect(await fakeBrowser.action.getTitle({ tabId: tab.id! })).toBe(`Pharmacheck: تحذير، ${ISOLATED} مدرج في قائمة صيدليات غير قانونية على الإنترنت`);
    expect(asked).toContain('ar');
  });
});
