/**
 * Every user-facing string goes through here (browser.i18n, messages in public/_locales). WXT
 * types the keys from the English file, so a missing key fails the type check; a unit test fails
 * when another locale lacks a key English has, or has one English lacks.
 */
import { browser } from 'wxt/browser';

type GetMessage = typeof browser.i18n.getMessage;
export type MessageKey = Parameters<GetMessage>[0];

export function t(key: MessageKey, ...substitutions: string[]): string {
  const get = browser.i18n.getMessage as (key: string, subs?: string[]) => string;
  return get(key, substitutions);
}

export function uiLanguage(): string {
  return browser.i18n.getUILanguage();
}

/** A date as the person's language writes it ("22 November 2026", "22 novembre 2026"). */
export function formatDate(isoDate: string, language = uiLanguage()): string {
  const date = new Date(isoDate.length === 10 ? `${isoDate}T00:00:00Z` : isoDate);
  if (Number.isNaN(date.getTime())) return isoDate;
  return new Intl.DateTimeFormat(language, { dateStyle: 'long', timeZone: 'UTC' }).format(date);
}

/** Sets the document's language and direction so screen readers pronounce it correctly. */
export function localizeDocument(titleKey: MessageKey): void {
  document.documentElement.lang = uiLanguage();
  document.documentElement.dir = t('@@bidi_dir' as MessageKey) || 'ltr';
  document.title = t(titleKey);
}

/** A date and time as the person's language writes it. */
export function formatDateTime(iso: string, language = uiLanguage()): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

export function formatNumber(value: number, language = uiLanguage()): string {
  return new Intl.NumberFormat(language).format(value);
}
