/**
 * Every message between the extension's contexts: names and request schemas in schemas.ts,
 * response types here. A name says its direction (`ui-bg-…`: from an extension page to the
 * background). Requests are checked with zod on arrival; responses are typed end to end. This
 * file holds types only, so pages that send messages do not bundle zod.
 */
import type { z } from 'zod';
import type { requestSchemas } from './schemas';
import type { Category, Evidence, ListKind, Publisher } from '../lists';
import type { VerdictKind } from '../verdict';

export type MessageType = keyof typeof requestSchemas;
export type MessageRequest<T extends MessageType> = z.infer<(typeof requestSchemas)[T]>;

export interface MatchDetails {
  readonly listId: string;
  readonly listName: string;
  readonly publisher: Publisher;
  readonly kind: ListKind;
  readonly version: number;
  readonly domain: string;
  readonly category: Category | null;
  readonly added: string | null;
  readonly evidence: Evidence | null;
  readonly note: string | null;
}

export interface VerdictReport {
  /** null when the URL is not a web page (no verdict). */
  readonly verdict: VerdictKind | null;
  readonly url: string;
  readonly host: string | null;
  readonly matches: readonly MatchDetails[];
}

export type ProceedResult = { readonly ok: true; readonly url: string } | { readonly ok: false; readonly reason: 'not-web-url' | 'not-listed' };

export interface MessageResponses {
  'ui-bg-verdict': VerdictReport;
  'ui-bg-tab-verdict': VerdictReport;
  'ui-bg-proceed': ProceedResult;
}
