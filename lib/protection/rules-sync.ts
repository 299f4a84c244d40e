/**
 * One reconciler for the blocking rules and the index: whatever changed in the database (a delta,
 * a full list, a subscription removed, an allowlist expired, a compaction), `apply` takes the lists
 * as they now stand and makes the browser's rules and the in-memory index follow, changing only
 * what differs. The index switches after the rules are in force, so the badge and the warning page
 * never name a list the browser does not block.
 *
 * Where the overlay's rules live (lib/blocking/rules.ts): after a change that leaves every list's
 * base as it was (a delta), they go in as session rules only: in memory, no disk, in force within
 * milliseconds, while a dynamic-rule change makes Chromium re-read, re-index and rewrite every
 * dynamic rule (about 0.1 s at 100,000 domains, more beyond). Folding (`fold`, in the background)
 * moves them into the dynamic rules, which survive a restart; until then `folded` is false in
 * IndexedDB, and the first wake of the next browser session puts the session rules back first.
 * Any change of dynamic rules folds the overlay along with it.
 */
import {
  ALL_TYPES,
  dynamicRules,
  isOverlayRuleId,
  NAVIGATION_TYPES,
  planRuleChanges,
  SUBRESOURCE_TYPES,
  subresourceRuleId,
  overlayActions,
  overlayRules,
  REGEX_RULE_LIMIT,
  regexRuleCount,
  sessionRules,
  updateDynamicRules,
  updateSessionRules,
  buildRules,
  type BlockingRule,
  type OverlayAction,
} from '../blocking';
import type { Host } from '../domain';
import {
  CHUNK_SIZE,
  EMPTY_OVERLAY,
  FingerprintSet,
  indexedList,
  inBaseOrder,
  ListIndex,
  allocateChunks,
  counts,
  effectiveRank,
  chunkDomains,
  indexBase,
  readChunkDomains,
  dropOldRows,
  Refused,
  StoredListUnreadable,
  switchBase,
  withList,
  writeBaseRows,
  type BaseChunks,
  type CheckedDomains,
  type IndexedList,
  type ListOverlay,
  type ListSource,
  type NewBase,
  type PharmacheckDb,
  type RuleState,
  type StoredList,
  type Vouch,
} from '../lists';
import { domainsSource } from './entry-sources';
import { applyStep } from './timings';

type Actions = ReadonlyMap<string, OverlayAction>;

function sameActions(a: Actions | null, b: Actions): boolean {
  if (!a || a.size !== b.size) return false;
  for (const [domain, action] of b) if (a.get(domain) !== action) return false;
  return true;
}

/** The lists' base rules that carry a regexFilter (a blocklist's redirects). */
const regexBaseRules = (lists: readonly IndexedList[]) => lists.filter((l) => l.inForce && l.list.meta.kind === 'block').reduce((n, l) => n + l.list.chunks.length, 0);

/**
 * What a base rule looks like, to tell a rule that must be replaced: its priority is the list's
 * rank (lib/lists/standing.ts, from who vouches for it), so a new vouch or revocation changes it;
 * its resource types change with a build that blocks more (frames and subresources, say).
 */
const shapeOf = (priority: number | undefined, action: string, count: number, types: readonly string[] | undefined) => `${priority ?? 1}/${action}/${count}/${[...(types ?? [])].sort().join(',')}`;

/**
 * The rules a chunk of `list` owns, by id, with the shape each must have: as `buildRules` makes
 * them (lib/blocking/rules.ts), an allowlist's one allow, a blocklist's redirect and block.
 */
function chunkShapes(list: Pick<StoredList, 'meta' | 'vouch'>, chunk: { readonly ruleId: number; readonly count: number }): [number, string][] {
  const rank = effectiveRank(list);
  if (list.meta.kind === 'allow') return [[chunk.ruleId, shapeOf(rank, 'allow', chunk.count, ALL_TYPES)]];
  return [
    [chunk.ruleId, shapeOf(rank, 'redirect', chunk.count, NAVIGATION_TYPES)],
    [subresourceRuleId(chunk.ruleId), shapeOf(rank, 'block', chunk.count, SUBRESOURCE_TYPES)],
  ];
}

export interface RulesSyncOptions {
  readonly db: PharmacheckDb;
  readonly now: () => Date;
  readonly warningPageUrl: () => string;
  /** The browser's budget of rules with a regexFilter (tests set a small one). */
  readonly regexRuleLimit?: number;
  /**
   * A list's stored copy could not be read while its rules or verdicts were worked out. The list
   * is left out (its rules go, the others' stay) and this is told, to mark it broken and fetch it
   * again. Without it, the error goes to the caller and nothing changes.
   */
  readonly onUnreadable?: (listId: string, error: StoredListUnreadable) => Promise<void>;
}

interface ApplyOptions {
  /** Rewrite the dynamic overlay even when no list's base changed (a fold). */
  readonly fold?: boolean;
  /** Bases not stored yet, by list id: their domains in stored order. */
  readonly inMemory?: ReadonlyMap<string, NewBase>;
  /** Leave the index as it is (the caller switches it once the list is stored). */
  readonly keepIndex?: boolean;
}

export class RulesSync {
  private lists: readonly IndexedList[] = [];
  /** Base rules believed installed: id → shape. */
  private base = new Map<number, string>();
  private folded = true;
  private dynamicOverlay: number[] = [];
  /** What the dynamic overlay says (null: not known, rewrite it at the next chance). */
  private dynamicActions: Actions | null = null;
  /** The dynamic overlay's rules are not what its actions call for (left by an older build). */
  private dynamicStale = false;
  private sessionOverlay: number[] | null = null;
  private sessionActions: Actions | null = null;
  private pending: { set: FingerprintSet; done: Promise<void> } | null = null;
  private sessionRestored = false;

  constructor(private readonly options: RulesSyncOptions) {}

  get index(): ListIndex {
    return ListIndex.of(this.lists);
  }

  /** Whether overlay rules are in session rules only (a fold is due). */
  get needsFold(): boolean {
    return !this.folded;
  }

  /** The index a woken worker starts from: every list's snapshot and overlay; lists without one are returned. */
  async restore(rows: readonly { stored: StoredList; snapshot: ArrayBuffer | null; overlay: ListOverlay }[], state?: RuleState): Promise<StoredList[]> {
    const now = this.options.now();
    const lists: IndexedList[] = [];
    const unindexed: StoredList[] = [];
    for (const row of rows) {
      try {
        if (row.snapshot) lists.push(indexedList(row.stored, FingerprintSet.restore(row.snapshot), null, row.overlay, now));
        else unindexed.push(row.stored);
      } catch {
        unindexed.push(row.stored);
      }
    }
    this.lists = lists;
    this.base = new Map(lists.filter((l) => l.inForce).flatMap((l) => l.list.chunks.flatMap((c) => chunkShapes(l.list, c))));
    this.folded = state?.folded ?? true;
    this.dynamicOverlay = [...(state?.dynamicRuleIds ?? [])];
    const dynamicActions = new Map(state?.dynamicActions ?? []);
    // Folded: the session holds no overlay rules. Not folded: it holds the index's overlay (the
    // session rules outlive the worker's sleep), read from the browser when first needed.
    this.dynamicActions = dynamicActions;
    this.sessionOverlay = this.folded ? [] : null;
    this.sessionActions = this.folded ? new Map() : null;
    return unindexed;
  }

  /**
   * First thing on the first wake of a browser session, before the slower start-up steps: the
   * restart emptied the session rules, so an unfolded overlay goes back in as session rules.
   */
  async restoreSession(): Promise<void> {
    this.sessionRestored = true;
    // Emptied by a restart; maybe not by an extension reload: read them when first needed.
    this.sessionOverlay = null;
    this.sessionActions = null;
    if (this.folded) return;
    const desired = await this.sparing(this.lists, (lists) => this.desiredFor(lists, {}));
    if (desired.size > 0) await this.setSession(desired);
  }

  /**
   * On the first wake of a browser session: the session rules are gone, so an unfolded overlay goes
   * back in first (restoreSession, unless start-up did it already); then every installed dynamic rule is compared with what the lists call for, and
   * what differs is mended in one update (which folds the overlay).
   */
  async checkSession(): Promise<void> {
    if (!this.sessionRestored) await this.restoreSession();
    const desired = await this.sparing(this.lists, (lists) => this.desiredFor(lists, {}));
    const installed = await dynamicRules();
    this.base = new Map();
    this.dynamicOverlay = [];
    const dynamicActions = new Map<string, OverlayAction>();
    const overlayInstalled = installed.filter((rule) => isOverlayRuleId(rule.id, 'dynamic'));
    for (const rule of installed) {
      if (isOverlayRuleId(rule.id, 'dynamic')) {
        this.dynamicOverlay.push(rule.id);
        for (const d of rule.condition.requestDomains ?? []) dynamicActions.set(d, rule.action.type === 'allow' ? 'allow' : 'block');
      } else if (!isOverlayRuleId(rule.id)) this.base.set(rule.id, shapeOf(rule.priority, rule.action.type, rule.condition.requestDomains?.length ?? 0, rule.condition.resourceTypes));
    }
    this.dynamicActions = dynamicActions;
    // The same verdicts in rules of another shape (an older build's redirect of top-level
    // navigations only) are rewritten too.
    const asBuilt = planRuleChanges(overlayInstalled, overlayRules(dynamicActions, 'dynamic', this.options.warningPageUrl()));
    this.dynamicStale = asBuilt.removeRuleIds.length > 0 || asBuilt.addRules.length > 0;
    // From the database: start-up may have stored lists since the index was restored (bundled ones).
    await this.reconcile({ fold: !sameActions(dynamicActions, desired) || !this.folded || this.dynamicStale });
  }

  /** After lists changed in the database: reads them (snapshots only for new bases) and applies. */
  async reconcile(options: ApplyOptions = {}): Promise<void> {
    const { db, now } = this.options;
    const [rows, overlays] = await db.transaction('r', db.lists, db.overlays, () => Promise.all([db.lists.toArray(), db.overlays.toArray()]));
    const known = new Map(this.lists.map((l) => [l.list.id, l]));
    const overlayRow = new Map(overlays.map((o) => [o.id, o]));
    const next: IndexedList[] = [];
    for (const stored of rows) {
      const row = overlayRow.get(stored.id);
      const overlay: ListOverlay = row && row.base === stored.base ? { adds: new Set(row.adds), removes: new Set(row.removes) } : EMPTY_OVERLAY;
      const old = known.get(stored.id);
      if (old && old.list.base === stored.base) {
        next.push(withList(old, stored, now(), overlay));
        continue;
      }
      const snapshot = await db.snapshots.get(stored.id);
      // A list without its snapshot (an interrupted write) is left out until it is rebuilt.
      if (snapshot?.base === stored.base) next.push(indexedList(stored, FingerprintSet.restore(snapshot.buffer), null, overlay, now()));
    }
    await this.apply(next, options);
  }

  /** After a delta was stored: the same bases, one overlay grown; no database read. */
  async applyOverlay(stored: StoredList, overlay: ListOverlay): Promise<void> {
    const old = this.lists.find((l) => l.list.id === stored.id);
    if (old?.list.base !== stored.base) return this.reconcile();
    await this.apply(this.lists.map((l) => (l === old ? withList(old, stored, this.options.now(), overlay) : l)));
  }

  /** Moves the overlay into the dynamic rules (and mends anything else that differs). */
  async fold(): Promise<void> {
    await this.reconcile({ fold: true });
  }

  /**
   * A full list, checked as far as its domains. A blocklist's rules go in at once, in the list's
   * own order; meanwhile its domains are indexed, its entries' other fields checked and stored
   * beside (an allowlist, which un-blocks, waits for all of that). The list switches in the
   * database only once its rules are in force; any failure puts the previous rules back and leaves
   * the last good list.
   */
  async installFull(checked: CheckedDomains, source: ListSource, vouch: Vouch): Promise<StoredList> {
    const { db, now } = this.options;
    const { meta } = checked;
    const chunks = await allocateChunks(db, checked.domains);
    applyStep('chunks');
    const before = this.lists;
    const old = before.find((l) => l.list.id === meta.id);
    const preview: StoredList = { id: meta.id, meta, source, base: chunks.base, chunks: chunks.chunks, baseCount: chunks.domains.length, entryCount: chunks.domains.length, installedAt: now().toISOString(), vouch };
    // Refuse what cannot fit before anything changes (apply checks again, with the exact overlay).
    const others = before.filter((l) => l !== old);
    this.checkBudget(regexBaseRules(others) + (meta.kind === 'block' ? chunks.chunks.length : 0), this.sessionActions ?? this.dynamicActions ?? new Map());
    const swap = () => this.swapBase(old, preview, chunks);
    let rules: Promise<void> | null = meta.kind === 'block' ? swap() : null;
    const settledRules = () => rules?.then(
      () => undefined,
      () => undefined,
    );
    try {
      let newBase: NewBase;
      try {
        newBase = indexBase(chunks);
      } catch (error) {
        throw error instanceof RangeError ? new Refused('invalid', `the list: ${error.message}`) : error;
      }
      applyStep('indexed');
      this.pending = { set: newBase.set, done: settledRules() ?? Promise.resolve() };
      const entries = inBaseOrder(newBase, checked.entries());
      applyStep('entries checked');
      rules ??= swap();
      await writeBaseRows(db, meta.id, newBase, entries);
      applyStep('entries stored');
      await rules;
      // The old version's rows stay until the index has left them: a verdict asked meanwhile still
      // reads its details.
      const stored = await switchBase(db, meta, source, newBase, vouch, true);
      applyStep('switched');
      // The base rules are in force; the overlay's verdicts may change with the new list.
      await this.apply([...before.filter((l) => l.list.id !== meta.id), indexedList(stored, newBase.set, null, EMPTY_OVERLAY, now())], { inMemory: new Map([[meta.id, newBase]]) });
      await dropOldRows(db, meta.id);
      return stored;
    } catch (error) {
      // The list in the database is still the previous one: its rules go back.
      await settledRules();
      await this.apply(before);
      throw error;
    } finally {
      this.pending = null;
    }
  }

  /**
   * Replaces a list's base rules by a new base's, in one dynamic update. A list that does not count
   * (an allowlist nobody vouches for: rank 0) gets none; its old rules still go.
   */
  private async swapBase(old: IndexedList | undefined, preview: StoredList, chunks: BaseChunks): Promise<void> {
    const remove = old?.inForce ? old.list.chunks.flatMap((c) => [c.ruleId, subresourceRuleId(c.ruleId)]).filter((id) => this.base.has(id)) : [];
    const counted = counts(preview, this.options.now());
    const rules = counted ? buildRules([{ meta: preview.meta, vouch: preview.vouch, chunks: chunkDomains(chunks) }], this.options.warningPageUrl()) : [];
    applyStep('dynamic rules sent');
    await updateDynamicRules(remove, rules);
    applyStep('dynamic rules');
    for (const id of remove) this.base.delete(id);
    if (counted) for (const c of preview.chunks) for (const [id, shape] of chunkShapes(preview, c)) this.base.set(id, shape);
  }

  /**
   * Waits while a full list is being installed whose rules may already block this host and that the
   * index does not name yet: the warning page then explains the new version, never "not listed".
   */
  async settled(host: Host): Promise<void> {
    const pending = this.pending;
    if (!pending || host.kind !== 'name' || pending.set.match(host.name) === -1) return;
    if (this.index.hits(host).length === 0) await pending.done;
  }

  /** When folded, the dynamic overlay says what the lists in the index call for. */
  private async knownDynamicActions(): Promise<Actions> {
    return (this.dynamicActions ??= await this.desiredFor(this.lists, {}));
  }

  /** When not folded, the session overlay does. */
  private async knownSessionActions(): Promise<Actions> {
    return (this.sessionActions ??= await this.desiredFor(this.lists, {}));
  }

  private async desiredFor(lists: readonly IndexedList[], options: ApplyOptions, also: Iterable<string> = []): Promise<Map<string, OverlayAction>> {
    return overlayActions(lists, domainsSource(this.options.db, options.inMemory), also);
  }

  private async setSession(actions: Actions): Promise<void> {
    const rules = overlayRules(actions, 'session', this.options.warningPageUrl());
    const installed = this.sessionOverlay ?? (await sessionRules()).filter((r) => isOverlayRuleId(r.id, 'session')).map((r) => r.id);
    await updateSessionRules(installed, rules);
    this.sessionOverlay = rules.map((r) => r.id);
    this.sessionActions = actions;
  }

  /** The rules of one chunk of a list's base. */
  private async baseRules(indexed: IndexedList, chunkIndex: number, options: ApplyOptions): Promise<BlockingRule[]> {
    const chunk = indexed.list.chunks[chunkIndex]!;
    const held = options.inMemory?.get(indexed.list.id);
    const domains = held ? held.domains.slice(chunkIndex * CHUNK_SIZE, chunkIndex * CHUNK_SIZE + chunk.count) : await readChunkDomains(this.options.db, indexed.list, chunk);
    return buildRules([{ meta: indexed.list.meta, vouch: indexed.list.vouch, chunks: [{ ruleId: chunk.ruleId, domains }] }], this.options.warningPageUrl());
  }

  /**
   * Runs `step` on `lists`. A list whose stored copy turns out unreadable (a row missing or not
   * what the list row says) is left out, here and in the index, reported to `onUnreadable`, and
   * the step runs again without it: one bad list never holds back the others' rules and verdicts.
   * Each step reads before it changes any rule, so a step that throws has changed nothing.
   */
  private async sparing<T>(lists: readonly IndexedList[], step: (lists: readonly IndexedList[]) => Promise<T>): Promise<T> {
    let current = lists;
    for (;;) {
      try {
        return await step(current);
      } catch (error) {
        const report = this.options.onUnreadable;
        if (!(error instanceof StoredListUnreadable) || !report) throw error;
        const named = (l: IndexedList) => l.list.id === error.listId;
        if (!current.some(named) && !this.lists.some(named)) throw error;
        current = current.filter((l) => !named(l));
        this.lists = this.lists.filter((l) => !named(l));
        await report(error.listId, error);
      }
    }
  }

  /** Makes the rules those `next` calls for, then (unless told not to) switches the index to it. */
  private async apply(next: readonly IndexedList[], options: ApplyOptions = {}): Promise<void> {
    await this.sparing(next, (lists) => this.applyOnce(lists, options));
  }

  private async applyOnce(next: readonly IndexedList[], options: ApplyOptions): Promise<void> {
    const desired = await this.desiredFor(next, options);
    applyStep('overlay verdicts');
    const wanted = new Map<number, { indexed: IndexedList; chunk: number; shape: string }>();
    for (const indexed of next) {
      if (!indexed.inForce) continue;
      indexed.list.chunks.forEach((c, chunk) => {
        for (const [id, shape] of chunkShapes(indexed.list, c)) wanted.set(id, { indexed, chunk, shape });
      });
    }
    const removeBase = [...this.base].filter(([id, shape]) => wanted.get(id)?.shape !== shape).map(([id]) => id);
    const addBase = [...wanted].filter(([id, want]) => this.base.get(id) !== want.shape);
    this.checkBudget(regexBaseRules(next), desired);
    const dynamic = removeBase.length > 0 || addBase.length > 0 || options.fold === true;
    if (!dynamic) {
      // The session overlay sits above the dynamic one, so it must also speak for every domain the
      // dynamic one names (a full list since may have taken some out of the overlays).
      const folded = await this.knownDynamicActions();
      const cover = [...folded.keys()].some((d) => !desired.has(d)) ? await this.desiredFor(next, options, folded.keys()) : desired;
      if (this.folded) {
        if (!sameActions(folded, cover)) {
          await this.setSession(cover);
          applyStep('session rules');
          this.folded = false;
        } else if (this.sessionActions === null || this.sessionActions.size > 0) await this.setSession(new Map());
      } else if (!sameActions(await this.knownSessionActions(), cover)) {
        await this.setSession(cover);
        applyStep('session rules');
      }
    } else {
      const rewriteOverlay = !this.folded || this.dynamicStale || !sameActions(await this.knownDynamicActions(), desired);
      // The new verdicts first, in session rules, so that no instant of the dynamic switch below
      // leaves an affected domain with an older verdict.
      if (rewriteOverlay && desired.size > 0 && !sameActions(this.sessionActions, desired)) await this.setSession(desired);
      const overlay = rewriteOverlay ? overlayRules(desired, 'dynamic', this.options.warningPageUrl()) : [];
      // A chunk's rules are built together (one read of its domains); only those that differ go in.
      const addIds = new Set(addBase.map(([id]) => id));
      const addChunks = new Map(addBase.map(([, want]) => [`${want.indexed.list.id}/${want.chunk}`, want]));
      const added = (await Promise.all([...addChunks.values()].map((want) => this.baseRules(want.indexed, want.chunk, options)))).flat().filter((r) => addIds.has(r.id));
      applyStep('dynamic rules sent');
      await updateDynamicRules([...removeBase, ...(rewriteOverlay ? this.dynamicOverlay : [])], [...added, ...overlay]);
      applyStep('dynamic rules');
      for (const id of removeBase) this.base.delete(id);
      for (const [id, want] of addBase) this.base.set(id, want.shape);
      if (rewriteOverlay) {
        this.dynamicOverlay = overlay.map((r) => r.id);
        this.dynamicActions = desired;
        this.dynamicStale = false;
      }
      this.folded = true;
      if (this.sessionActions === null || this.sessionActions.size > 0) await this.setSession(new Map());
    }
    if (!options.keepIndex) this.lists = next;
    await this.options.db.ruleState.put({ name: 'overlay', folded: this.folded, dynamicRuleIds: this.dynamicOverlay, dynamicActions: [...(this.dynamicActions ?? [])] });
  }

  /** Every redirect rule carries a regexFilter, and the browser allows 1,000 of those in all. */
  private checkBudget(base: number, desired: Actions): void {
    // During a switch the overlay is briefly in session and dynamic rules at once.
    const overlay = regexRuleCount(overlayRules(desired, 'session', ''));
    const limit = this.options.regexRuleLimit ?? REGEX_RULE_LIMIT;
    if (base + 2 * overlay > limit) {
      throw new Refused('too-large', `the lists would need ${base + 2 * overlay} blocking rules with a regular expression; browsers allow ${limit}`);
    }
  }
}

