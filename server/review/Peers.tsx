/**
 * Other authorities' lists this hub subscribes to: each list's version, entries and last error.
 * Publishers subscribe to another (its latest.json and its key, verified as the extension verifies
 * a subscription: nothing is kept unless it verifies) and download them all again.
 */
import { useState } from 'preact/hooks';
import type { Api } from './api';
import { formatDateTime } from './format';
import { useLoad } from './useLoad';

export function Peers({ api, canSubscribe }: { api: Api; canSubscribe: boolean }) {
  const peers = useLoad(() => api.peers(), [api]);
  const [url, setUrl] = useState('');
  const [key, setKey] = useState('');
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);

  const run = async (start: string, action: () => Promise<string>) => {
    setBusy(true);
    setStatus(start);
    try {
      setStatus(await action());
      peers.reload();
    } catch (error) {
      setStatus(`Not done: ${(error as Error).message}`);
    } finally {
      setBusy(false);
    }
  };
  const subscribe = () =>
    run('Downloading and checking the list…', async () => {
      const peer = await api.subscribe(url.trim(), key.trim());
      setUrl('');
      setKey('');
      return `Subscribed to ${peer.name ?? peer.url} by ${peer.publisher?.name ?? 'an unnamed publisher'}: version ${peer.version}, ${peer.entries} entries.`;
    });
  const refresh = () =>
    run('Downloading every list again…', async () => {
      const outcomes = await api.refreshPeers();
      const n = (s: string) => outcomes.filter((o) => o.status === s).length;
      return `${outcomes.length} list(s) checked: ${n('updated')} updated, ${n('unchanged')} unchanged, ${n('failed')} failed.`;
    });

  return (
    <>
      <p>
        Each report group and draft entry shows which of these lists hold its domain, and since when. Another hub subscribes to this one's{' '}
        <code>/lists/&lt;id&gt;/latest.json</code> with its <code>/v1/public-key</code>.
      </p>
      {canSubscribe && (
        <form onSubmit={(e) => (e.preventDefault(), void subscribe())}>
          <fieldset>
            <legend>Subscribe to another authority's list</legend>
            <p>
              <label for="peer-url">Address of the list's latest.json</label>
              <input id="peer-url" type="url" required maxLength={2048} value={url} onInput={(e) => setUrl(e.currentTarget.value)} />
            </p>
            <p>
              <label for="peer-key">The authority's public key (44 characters of base64, or the key file's text)</label>
              <textarea id="peer-key" required maxLength={2048} rows={3} value={key} onInput={(e) => setKey(e.currentTarget.value)} />
            </p>
            <p>
              <button type="submit" disabled={busy}>
                Subscribe
              </button>
            </p>
          </fieldset>
        </form>
      )}
      <p role="status" aria-live="polite">{status}</p>
      {peers.error && <p role="alert" class="error">{peers.error}</p>}
      {peers.data === null && !peers.error && <p>Loading…</p>}
      {peers.data?.length === 0 && <p>This hub subscribes to no other authority's list yet.</p>}
      {peers.data && peers.data.length > 0 && (
        <>
          <table>
            <caption>Lists subscribed to</caption>
            <thead>
              <tr>
                <th scope="col">List</th>
                <th scope="col">Publisher</th>
                <th scope="col">Version</th>
                <th scope="col">Entries</th>
                <th scope="col">Last downloaded</th>
                <th scope="col">Last error</th>
              </tr>
            </thead>
            <tbody>
              {peers.data.map((p) => (
                <tr key={p.id}>
                  <th scope="row" class="page">
                    {p.name ?? p.listId ?? '—'}
                    <span class="muted">{`\n${p.url}\nkey ${p.keyId}`}</span>
                  </th>
                  <td>
                    {p.publisher?.name ?? '—'}
                    {p.publisher?.country && ` (${p.publisher.country})`}
                  </td>
                  <td>{p.version ?? '—'}</td>
                  <td>{p.entries}</td>
                  <td>{p.lastSuccess ? formatDateTime(p.lastSuccess) : 'never'}</td>
                  <td class="error">{p.lastError ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {canSubscribe && (
            <p>
              <button type="button" disabled={busy} onClick={refresh}>
                Download every list again
              </button>
            </p>
          )}
        </>
      )}
    </>
  );
}
