/**
 * A list's draft (its next version) with the evidence behind each entry (reports and decisions for a
 * blocklist, the register's export for an allowlist) and the other authorities that list it;
 * publishers publish it.
 */
import { useState } from 'preact/hooks';
import type { Api } from './api';
import { listingText } from './Evidence';
import { CATEGORY_LABELS, formatDateTime } from './format';
import { useLoad } from './useLoad';

export function DraftView({ api, canPublish }: { api: Api; canPublish: boolean }) {
  const lists = useLoad(() => api.lists(), [api]);
  const [chosen, setChosen] = useState<string | null>(null);
  const listId = chosen ?? lists.data?.[0]?.meta.id ?? null;
  const draft = useLoad(() => (listId ? api.draft(listId) : Promise.resolve([])), [api, listId]);
  const [status, setStatus] = useState('');
  const list = lists.data?.find((l) => l.meta.id === listId);

  const publish = async () => {
    if (!listId) return;
    setStatus('Publishing…');
    try {
      const result = await api.publish(listId);
      setStatus(`Published ${result.listId} version ${result.version} with ${result.entryCount} entries.`);
      lists.reload();
    } catch (error) {
      setStatus(`Not published: ${(error as Error).message}`);
    }
  };

  if (lists.error) return <p role="alert" class="error">{lists.error}</p>;
  if (!lists.data) return <p role="status">Loading…</p>;
  if (lists.data.length === 0) return <p>No list exists yet (see docs/hub.md, “create-list”).</p>;
  return (
    <>
      <p>
        <label for="draft-list">List</label>{' '}
        <select id="draft-list" value={listId ?? ''} onChange={(e) => setChosen(e.currentTarget.value)}>
          {lists.data.map((l) => (
            <option key={l.meta.id} value={l.meta.id}>
              {l.meta.name} ({l.meta.kind === 'allow' ? 'allowlist' : 'blocklist'})
            </option>
          ))}
        </select>
      </p>
      {list && (
        <p>
          Published version: {list.version === 0 ? 'none yet' : `${list.version}, ${formatDateTime(list.publishedAt!)}`}. The draft has{' '}
          {list.draftEntries} entries.
        </p>
      )}
      {canPublish && (
        <p>
          <button type="button" onClick={publish}>
            Publish the next version
          </button>
        </p>
      )}
      <p role="status">{status}</p>
      {draft.error && <p role="alert" class="error">{draft.error}</p>}
      <table>
        <caption>Entries of the next version</caption>
        <thead>
          <tr>
            <th scope="col">Domain</th>
            <th scope="col">Category</th>
            <th scope="col">Added</th>
            <th scope="col">Evidence</th>
          </tr>
        </thead>
        <tbody>
          {draft.data?.map((e) => (
            <tr key={e.domain}>
              <td>{e.domain}</td>
              <td>{CATEGORY_LABELS[e.category] ?? e.category}</td>
              <td>{e.added}</td>
              <td>
                {list?.meta.kind === 'allow' ? (
                  <>
                    Registration {e.reference}
                    {e.note && <>, {e.note}</>}; imported from the register by {e.evidence.confirmedBy}, {formatDateTime(e.evidence.confirmedAt)}
                  </>
                ) : (
                  <>
                    Reports {e.evidence.reportIds.map((id) => `#${id}`).join(', ')}; confirmed by {e.evidence.confirmedBy},{' '}
                    {formatDateTime(e.evidence.confirmedAt)}
                    {e.reference && <>; reference {e.reference}</>}
                    {e.note && <>; note: {e.note}</>}
                  </>
                )}
                {e.otherAuthorities.length > 0 && (
                  <ul class="also">
                    {e.otherAuthorities.map((l) => (
                      <li key={l.peerId}>Also: {listingText(l)}</li>
                    ))}
                  </ul>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
