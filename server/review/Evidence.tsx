/**
 * A group's evidence beside its reports: the caution signals reporters attached, the page copies
 * the hub kept (with a form to keep another), and which other authorities list the domain. A copy
 * is saved as a file, never shown: its bytes are the site's, and may be hostile.
 */
import { useState } from 'preact/hooks';
import type { Api } from './api';
import type { PageSnapshot } from '../src/evidence/snapshots';
import type { PeerListing } from '../src/peers/peers';
import type { GroupWithEvidence } from '../src/review/enrich';
import { CATEGORY_LABELS, OUTCOME_LABELS, formatDateTime, formatBytes } from './format';

/** Saves bytes the hub holds as a download, from a blob: the page never renders them. */
export function saveFile(blob: Blob, name: string): void {
  const href = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = href;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(href), 60_000);
}

export function listingText(l: PeerListing): string {
  const who = `${l.publisher.name}${l.publisher.country ? ` (${l.publisher.country})` : ''}`;
  return `${who}, “${l.name}”: listed since ${l.since} as ${CATEGORY_LABELS[l.category] ?? l.category}${l.reference ? `, reference ${l.reference}` : ''}; seen here since ${formatDateTime(l.firstSeen)}`;
}

export function copyText(c: PageSnapshot): string {
  return `Page copy #${c.id} of ${c.finalUrl ?? c.requestedUrl}, ${formatDateTime(c.fetchedAt)} (${OUTCOME_LABELS[c.outcome]}), SHA-256 ${c.sha256.slice(0, 16)}…`;
}

/** The address a reviewer most likely wants copied: the latest report's page, if it is an address. */
function firstPage(group: GroupWithEvidence): string {
  const page = group.reports.find((r) => /^https?:\/\//.test(r.page))?.page;
  return page ?? `https://${group.domain}/`;
}

interface Props {
  group: GroupWithEvidence;
  api: Api;
  headingId: string;
  onChanged: () => void;
}

export function Evidence({ group, api, headingId, onChanged }: Props) {
  const [url, setUrl] = useState(() => firstPage(group));
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);
  const field = (name: string) => `${headingId}-${name}`;
  const signals = Object.entries(group.signals).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));

  const keep = async () => {
    setBusy(true);
    setStatus(`Fetching ${url}…`);
    try {
      const copy = await api.keepPage(group.domain, url.trim());
      setStatus(
        `Page copy #${copy.id} kept: ${OUTCOME_LABELS[copy.outcome]}, ${formatBytes(copy.byteCount)}` +
          `${copy.redirects.length ? `, ${copy.redirects.length} redirect(s) to ${copy.finalUrl}` : ''}${copy.problem ? ` (${copy.problem})` : ''}.`,
      );
      onChanged();
    } catch (error) {
      setStatus(`No copy kept: ${(error as Error).message}`);
    } finally {
      setBusy(false);
    }
  };

  const save = async (c: PageSnapshot) => {
    try {
      saveFile(await api.pageCopy(c.id), `page-copy-${c.id}-${c.sha256.slice(0, 12)}.bin`);
      setStatus(`Page copy #${c.id} saved as a file.`);
    } catch (error) {
      setStatus(`Page copy #${c.id} not saved: ${(error as Error).message}`);
    }
  };

  return (
    <>
      <h3>Caution signals reporters attached</h3>
      {signals.length === 0 ? (
        <p>None attached.</p>
      ) : (
        <ul>
          {signals.map(([signal, n]) => (
            <li key={signal}>
              <code>{signal}</code>: {n} report{n === 1 ? '' : 's'}
            </li>
          ))}
        </ul>
      )}

      <h3>Other authorities</h3>
      {group.otherAuthorities.length === 0 ? (
        <p>No other authority this hub subscribes to lists {group.domain}.</p>
      ) : (
        <ul>
          {group.otherAuthorities.map((l) => (
            <li key={l.peerId}>{listingText(l)}</li>
          ))}
        </ul>
      )}

      <h3>Page copies</h3>
      {group.pageCopies.length === 0 ? (
        <p>No copy of a page of {group.domain} kept yet.</p>
      ) : (
        <table>
          <caption>Page copies kept by the hub, newest first</caption>
          <thead>
            <tr>
              <th scope="col">Kept</th>
              <th scope="col">Address and redirects</th>
              <th scope="col">Outcome</th>
              <th scope="col">SHA-256</th>
              <th scope="col">File</th>
            </tr>
          </thead>
          <tbody>
            {group.pageCopies.map((c) => (
              <tr key={c.id}>
                <td>
                  {formatDateTime(c.fetchedAt)} <span class="muted">#{c.id}, {c.actor}</span>
                </td>
                <td class="page">
                  {c.requestedUrl}
                  {c.redirects.map((r, i) => (
                    <span key={i}>
                      {'\n'}→ {r.status} {r.location}
                    </span>
                  ))}
                  {c.address && <span class="muted">{`\nserved by ${c.address}`}</span>}
                </td>
                <td>
                  {OUTCOME_LABELS[c.outcome]}
                  {c.httpStatus !== null && `, HTTP ${c.httpStatus}`}, {formatBytes(c.byteCount)}
                  {c.problem && <span class="muted">{`\n${c.problem}`}</span>}
                </td>
                <td class="hash">{c.sha256}</td>
                <td>
                  <button type="button" onClick={() => save(c)} disabled={c.byteCount === 0} aria-label={`Save page copy #${c.id} as a file`}>
                    Save
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <form class="keep" onSubmit={(e) => (e.preventDefault(), void keep())}>
        <p>
          <label for={field('copy-url')}>Address of a page on {group.domain} to copy</label>
          <input id={field('copy-url')} type="url" required maxLength={4096} value={url} onInput={(e) => setUrl(e.currentTarget.value)} />{' '}
          <button type="submit" disabled={busy}>
            Keep a copy of this page
          </button>
        </p>
        <p role="status" aria-live="polite">{status}</p>
      </form>
    </>
  );
}
