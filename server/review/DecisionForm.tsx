/**
 * Confirm or reject a group. Confirming a suspicious site adds the domain to the chosen list's
 * draft; confirming a "warning is a mistake" report removes it from that draft. A confirmation
 * may cite the group's page copies and other authorities' listings: the audit log then records
 * their addresses, dates and hashes with the decision.
 */
import { useState } from 'preact/hooks';
import type { Api, DecisionRequest } from './api';
import type { HubList } from '../src/lists/store';
import type { GroupWithEvidence } from '../src/review/enrich';
import { copyText, listingText } from './Evidence';
import { CATEGORY_LABELS } from './format';

interface Props {
  group: GroupWithEvidence;
  lists: HubList[];
  api: Api;
  onDecided: (message: string) => void;
  headingId: string;
}

export function DecisionForm({ group, lists, api, onDecided, headingId }: Props) {
  // The lists may arrive after the form first renders: until one is chosen, use the first.
  const [chosenList, setListId] = useState<string | null>(null);
  const listId = chosenList ?? lists[0]?.meta.id ?? '';
  const [category, setCategory] = useState('illegal-pharmacy');
  const [reference, setReference] = useState('');
  const [note, setNote] = useState('');
  const [status, setStatus] = useState<string | null>(null); // a refusal; success is announced by the list
  const [busy, setBusy] = useState(false);
  const [copies, setCopies] = useState<ReadonlySet<number>>(new Set());
  const [peers, setPeers] = useState<ReadonlySet<number>>(new Set());
  const toggle = (set: ReadonlySet<number>, id: number, on: boolean) => {
    const next = new Set(set);
    if (on) next.add(id);
    else next.delete(id);
    return next;
  };
  // Only what is still shown can be cited (a group reloads when evidence is added).
  const snapshotIds = group.pageCopies.filter((c) => copies.has(c.id)).map((c) => c.id);
  const peerIds = group.otherAuthorities.filter((l) => peers.has(l.peerId)).map((l) => l.peerId);
  const evidence = snapshotIds.length + peerIds.length > 0 ? { evidence: { ...(snapshotIds.length ? { snapshotIds } : {}), ...(peerIds.length ? { peerIds } : {}) } } : {};
  const fp = group.kind === 'false-positive';
  const field = (name: string) => `${headingId}-${name}`;

  const submit = async (action: DecisionRequest['action']) => {
    setBusy(true);
    setStatus(null);
    try {
      const result = await api.decide({
        action,
        domain: group.domain,
        kind: group.kind,
        reportIds: group.reportIds,
        ...(action === 'confirm' ? { listId, ...(fp ? {} : { category }), ...(reference.trim() ? { reference: reference.trim() } : {}), ...evidence } : {}),
        ...(note.trim() ? { note: note.trim() } : {}),
      });
      const cited = action === 'confirm' && (snapshotIds.length || peerIds.length) ? `, citing ${snapshotIds.length} page cop${snapshotIds.length === 1 ? 'y' : 'ies'} and ${peerIds.length} other authorit${peerIds.length === 1 ? 'y' : 'ies'}` : '';
      onDecided(`${group.domain}: decision ${result.decisionId} (${action}) recorded for ${result.reportIds.length} report(s)${cited}.`);
    } catch (error) {
      setStatus(`Not recorded: ${(error as Error).message}`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="decision" aria-labelledby={field('legend')} onSubmit={(e) => e.preventDefault()}>
      <fieldset>
        <legend id={field('legend')}>Decide on {group.domain}</legend>
        {lists.length === 0 ? (
          <p>No list exists yet; a publisher creates one (see docs/hub.md) before sites can be confirmed.</p>
        ) : (
          <p>
            <label for={field('list')}>{fp ? 'Remove from the draft of' : 'Add to the draft of'}</label>
            <select id={field('list')} value={listId} onChange={(e) => setListId(e.currentTarget.value)}>
              {lists.map((l) => (
                <option key={l.meta.id} value={l.meta.id}>
                  {l.meta.name}
                </option>
              ))}
            </select>
          </p>
        )}
        {!fp && (
          <p>
            <label for={field('category')}>Category</label>
            <select id={field('category')} value={category} onChange={(e) => setCategory(e.currentTarget.value)}>
              {Object.entries(CATEGORY_LABELS).map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
          </p>
        )}
        {(group.pageCopies.length > 0 || group.otherAuthorities.length > 0) && (
          <fieldset class="cite">
            <legend>Evidence to cite with a confirmation</legend>
            {group.pageCopies.map((c) => (
              <p key={`copy-${c.id}`} class="check">
                <input id={field(`copy-${c.id}`)} type="checkbox" checked={copies.has(c.id)} onChange={(e) => setCopies(toggle(copies, c.id, e.currentTarget.checked))} />
                <label for={field(`copy-${c.id}`)}>{copyText(c)}</label>
              </p>
            ))}
            {group.otherAuthorities.map((l) => (
              <p key={`peer-${l.peerId}`} class="check">
                <input id={field(`peer-${l.peerId}`)} type="checkbox" checked={peers.has(l.peerId)} onChange={(e) => setPeers(toggle(peers, l.peerId, e.currentTarget.checked))} />
                <label for={field(`peer-${l.peerId}`)}>{listingText(l)}</label>
              </p>
            ))}
          </fieldset>
        )}
        <p>
          <label for={field('reference')}>Reference (case number or decision, optional)</label>
          <input id={field('reference')} type="text" maxLength={500} value={reference} onInput={(e) => setReference(e.currentTarget.value)} />
        </p>
        <p>
          <label for={field('note')}>Note (optional)</label>
          <textarea id={field('note')} maxLength={500} rows={2} value={note} onInput={(e) => setNote(e.currentTarget.value)} />
        </p>
        <p class="actions">
          <button type="button" disabled={busy || lists.length === 0} onClick={() => submit('confirm')}>
            {fp ? 'Confirm: remove from list' : 'Confirm: add to list'}
          </button>{' '}
          <button type="button" disabled={busy} onClick={() => submit('reject')}>
            Reject
          </button>
        </p>
        <p role="alert" class="error">{status}</p>
      </fieldset>
    </form>
  );
}
