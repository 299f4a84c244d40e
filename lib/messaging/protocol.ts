/**
 * Every message between the extension's contexts: names and request schemas in schemas.ts,
 * response types here. A name says its direction (`ui-bg-…`: from an extension page to the
 * background). Requests are checked with zod on arrival; responses are typed end to end. This
 * file holds types only, so pages that send messages do not bundle zod.
 */
import type { z } from 'zod';
import type { contentRequestSchemas, requestSchemas } from './schemas';
import type { Category, Evidence, ListKind, OutboxItem, Publisher, Vouch } from '../lists';
import type { VerdictKind } from '../verdict';

export type MessageType = keyof typeof requestSchemas;
export type MessageRequest<T extends MessageType> = z.infer<(typeof requestSchemas)[T]>;

export interface MatchDetails {
  readonly listId: string;
  readonly listName: string;
  /** What the list declares about its publisher (believed only as far as `vouch` goes). */
  readonly publisher: Publisher;
  /** Who vouches for the list, and the publisher type the extension ranks it by. */
  readonly vouch: Vouch;
  readonly rankedAs: Publisher['type'];
  /** The key that signs the list (null for a list shipped with the extension). */
  readonly keyId: string | null;
  readonly kind: ListKind;
  readonly version: number;
  /** The list's expiry; `outOfDate` when it passed (a blocklist still counts, lib/lists/schema.ts). */
  readonly expires: string;
  readonly outOfDate: boolean;
  readonly domain: string;
  readonly category: Category | null;
  readonly added: string | null;
  readonly evidence: Evidence | null;
  readonly note: string | null;
}

/** What the caution verdict found on a tab's page: the reasons to show, and a register to check. */
export interface CautionView {
  readonly level: 'caution' | 'strong';
  /** Each signal's id (reports carry it) and its reason as an i18n message with substitutions. */
  readonly signals: readonly { readonly id: string; readonly key: string; readonly subs: readonly string[] }[];
  readonly register: { readonly url: string; readonly country: string; readonly authority: string } | null;
}

export interface VerdictReport {
  /** null when the URL is not a web page (no verdict). */
  readonly verdict: VerdictKind | null;
  readonly url: string;
  readonly host: string | null;
  readonly matches: readonly MatchDetails[];
  /** For a tab's page without a list verdict: what the caution signals found (else null). */
  readonly caution?: CautionView | null;
  /** For a tab's page without a list verdict: the register its EU logo links to, to check in one click. */
  readonly register?: CautionView['register'];
  /** For a tab's page: the listed sites it tried to show in a frame (lib/protection/frames.ts). */
  readonly embedded?: readonly string[];
}

export type ProceedResult = { readonly ok: true; readonly url: string } | { readonly ok: false; readonly reason: 'not-web-url' | 'not-listed' };

/** A subscription as the options page shows it. */
export interface SubscriptionView {
  readonly id: string;
  /** Who vouches for the list (null before its first version is stored). */
  readonly vouch: Vouch | null;
  /** The publisher type the extension ranks it by; null when it does not count at all. */
  readonly rankedAs: Publisher['type'] | null;
  /** Whether it gives verdicts and rules (lib/lists/standing.ts `counts`). */
  readonly counts: boolean;
  readonly name: string | null;
  readonly publisher: Publisher | null;
  readonly kind: ListKind | null;
  readonly version: number | null;
  readonly entryCount: number;
  readonly url: string | null;
  readonly addedBy: 'bundled' | 'person' | 'policy';
  readonly keyId: string | null;
  readonly lastSuccess: string | null;
  readonly lastCheck: string | null;
  readonly lastError: { readonly reason: string; readonly message: string; readonly at: string } | null;
  /** Its stored copy could not be read back: set aside and being fetched again (since `at`). */
  readonly broken: { readonly message: string; readonly at: string } | null;
  readonly nextCheck: string | null;
  readonly expires: string | null;
  readonly removable: boolean;
}

/** The directory of publishers in force, as the options page shows it. */
export interface DirectoryView {
  readonly version: number;
  readonly source: 'bundled' | 'url';
  readonly publishers: number;
  readonly revoked: number;
  /** Whether it has an update address (the shipped one may change only with the extension). */
  readonly updates: boolean;
  readonly lastSuccess: string | null;
  readonly lastError: { readonly reason: string; readonly message: string; readonly at: string } | null;
  readonly expires: string;
}

export type SubscribeResult = { readonly ok: true; readonly id: string } | { readonly ok: false; readonly reason: string; readonly message: string };

export interface UpdateResult {
  readonly id: string;
  readonly status: 'unchanged' | 'updated' | 'failed' | 'skipped';
  readonly version?: number | null;
  readonly reason?: string;
}

export type ContentMessageType = keyof typeof contentRequestSchemas;
export type ContentMessageRequest<T extends ContentMessageType> = z.infer<(typeof contentRequestSchemas)[T]>;

/** The notice a content script shows on a page with strong signs (already translated). */
export interface CautionNotice {
  readonly heading: string;
  readonly text: string;
  readonly reasons: readonly string[];
  readonly dismiss: string;
  readonly guide: string;
  readonly label: string;
  /** The document's language and direction for the notice's strings. */
  readonly lang: string;
  readonly dir: 'ltr' | 'rtl';
}

export interface ContentMessageResponses {
  'cs-bg-notice': { readonly notice: CautionNotice | null };
  'cs-bg-notice-dismiss': { readonly ok: boolean };
  'cs-bg-open-guide': { readonly ok: boolean };
}

export interface MessageResponses {
  'ui-bg-verdict': VerdictReport;
  'ui-bg-tab-verdict': VerdictReport;
  'ui-bg-frame-blocked': { readonly host: string | null };
  'ui-bg-proceed': ProceedResult;
  'ui-bg-subscriptions': readonly SubscriptionView[];
  'ui-bg-directory': DirectoryView | null;
  'ui-bg-subscribe': SubscribeResult;
  'ui-bg-unsubscribe': { readonly ok: boolean };
  'ui-bg-update-now': readonly UpdateResult[];
  'ui-bg-report-send': { readonly ok: true; readonly item: OutboxItem } | { readonly ok: false; readonly reason: string; readonly message: string };
  'ui-bg-outbox': readonly OutboxItem[];
  'ui-bg-outbox-delete': { readonly ok: boolean };
  'ui-bg-outbox-retry': readonly OutboxItem[];
}
