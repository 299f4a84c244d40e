import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { hostFromUrl } from '../../../lib/domain';
import { badgeLook, showBadge } from '../../../lib/protection';
import type { Verdict, VerdictKind } from '../../../lib/verdict';

const verdict = (kind: VerdictKind): Verdict => ({ kind, host: hostFromUrl('https://rogue.example/')!, hits: [] });

describe('badgeLook', () => {
  beforeEach(() => {
    // The fake browser has no messages: answer with the key and substitutions, so we see what was asked.
    vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(((key: string, subs?: string | string[]) =>
      [key, ...([] as string[]).concat(subs ?? [])].join('|')) as typeof fakeBrowser.i18n.getMessage);
  });

  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('shows a red mark and names the host for a listed site', () => {
    expect(badgeLook(verdict('listed'))).toEqual({ text: 'badgeListedText', color: '#B3261E', title: 'badgeListedTitle|rogue.example' });
  });

  it('shows a green mark and names the host for a verified site', () => {
    expect(badgeLook(verdict('verified'))).toEqual({ text: 'badgeVerifiedText', color: '#1B6E35', title: 'badgeVerifiedTitle|rogue.example' });
  });

  it('shows an amber mark and names the host for a site with signs of an illegal pharmacy', () => {
    expect(badgeLook(verdict('caution'))).toEqual({ text: 'badgeCautionText', color: '#B45309', title: 'badgeCautionTitle|rogue.example' });
  });

  it('shows no badge for an unknown site', () => {
    expect(badgeLook(verdict('unknown'))).toEqual({ text: '', color: null, title: 'actionTitle' });
  });

  it('shows no badge where there is no web page', () => {
    expect(badgeLook(null)).toEqual({ text: '', color: null, title: 'actionTitle' });
  });

  it('takes every text through i18n', () => {
    badgeLook(verdict('listed'));
    badgeLook(verdict('verified'));
    badgeLook(null);
    const keys = vi.mocked(fakeBrowser.i18n.getMessage).mock.calls.map(([key]) => key);
    expect(keys).toEqual(['badgeListedText', 'badgeListedTitle', 'badgeVerifiedText', 'badgeVerifiedTitle', 'actionTitle']);
  });

  it('keeps the colours when a translation is missing (getMessage gives "")', () => {
    vi.mocked(fakeBrowser.i18n.getMessage).mockReturnValue('');
    expect(badgeLook(verdict('listed'))).toEqual({ text: '', color: '#B3261E', title: '' });
    expect(badgeLook(verdict('verified')).color).toBe('#1B6E35');
  });
});

describe('badgeLook without access to sites', () => {
  beforeEach(() => {
    vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(((key: string) => key) as typeof fakeBrowser.i18n.getMessage);
  });

  afterEach(() => {
    vi.restoreAllMocks();
  });

  it.each<VerdictKind | null>(['listed', 'verified', 'unknown', null])('says protection is off, whatever the verdict (%s)', (kind) => {
    expect(badgeLook(kind === null ? null : verdict(kind), false)).toEqual({ text: 'badgeNoAccessText', color: '#44464F', title: 'badgeNoAccessTitle' });
  });
});

describe('showBadge', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it.each([
    [true, 'badgeListedText'],
    [false, 'badgeNoAccessText'],
  ])('with access to sites %s, marks the tab %s', async (granted, text) => {
    vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(((key: string) => key) as typeof fakeBrowser.i18n.getMessage);
    vi.spyOn(fakeBrowser.permissions, 'contains').mockResolvedValue(granted);
    const tab = await fakeBrowser.tabs.create({ url: 'https://rogue.example/' });
    await showBadge(tab.id!, verdict('listed'));
    expect(await fakeBrowser.action.getBadgeText({ tabId: tab.id! })).toBe(text);
  });
});
