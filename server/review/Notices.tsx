/**
 * Whom to tell, for a confirmed domain: prepare a notice from the RDAP answer (the registrar and
 * its abuse contact), copy its text into one's own mail or save its JSON, record that it was sent,
 * and ask RDAP again whether the domain is held. The hub sends no mail itself.
 */
import { useMemo, useState } from 'preact/hooks';
import type { Api } from './api';
import type { Notice } from '../src/rdap/notices';
import type { GroupWithEvidence } from '../src/review/enrich';
import { saveFile } from './Evidence';
import { formatDateTime } from './format';
import { useLoad } from './useLoad';

interface Props {
  group: GroupWithEvidence;
  api: Api;
  headingId: string;
  onChanged: () => void;
}

function checkText(c: NonNullable<GroupWithEvidence['lastCheck']>): string {
  const what = { active: 'active', suspended: 'suspended', gone: 'gone (RDAP 404)', failed: 'not answered' }[c.outcome];
  return `${what}${c.statuses.length ? ` (${c.statuses.join(', ')})` : ''}${c.problem ? `: ${c.problem}` : ''}, checked ${formatDateTime(c.checkedAt)}`;
}

export function Notices({ group, api, headingId, onChanged }: Props) {
  const notices = useLoad(() => api.notices(group.domain), [api, group.domain]);
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);

  const run = async (start: string, action: () => Promise<string>) => {
    setBusy(true);
    setStatus(start);
    try {
      setStatus(await action());
      notices.reload();
      onChanged();
    } catch (error) {
      setStatus(`Not done: ${(error as Error).message}`);
    } finally {
      setBusy(false);
    }
  };
  const prepare = () =>
    run(`Asking RDAP about ${group.domain}…`, async () => {
      const n = await api.prepareNotice(group.domain);
      const to = n.body.to.registrar;
      return `Notice #${n.id} prepared${to?.name ? ` for ${to.name}` : ''}${to?.abuseEmails.length ? `, abuse contact ${to.abuseEmails.join(', ')}` : ', no abuse address in RDAP'}.`;
    });
  const recheck = () =>
    run(`Asking RDAP about ${group.domain}…`, async () => {
      const [check] = await api.recheck(group.domain);
      return check ? `RDAP check of ${group.domain}: ${checkText(check)}.` : 'No check was made.';
    });

  return (
    <>
      <h3>Notices</h3>
      <p>
        The hub asks RDAP for the registrar of {group.domain} and its abuse contact, and prepares a notice with the evidence. Send it from your
        own mail, then record it here.
      </p>
      {group.lastCheck && <p>Latest RDAP check: {checkText(group.lastCheck)}.</p>}
      <p class="actions">
        <button type="button" disabled={busy} onClick={prepare}>
          Prepare a notice to the registrar
        </button>{' '}
        <button type="button" disabled={busy} onClick={recheck}>
          Check the domain’s status in RDAP now
        </button>
      </p>
      <p role="status" aria-live="polite">{status}</p>
      {notices.error && <p role="alert" class="error">{notices.error}</p>}
      {notices.data?.map((n) => (
        <NoticeItem key={n.id} notice={n} api={api} headingId={headingId} onSent={(message) => run('Recording…', async () => message)} />
      ))}
    </>
  );
}

function NoticeItem({ notice, api, headingId, onSent }: { notice: Notice; api: Api; headingId: string; onSent: (message: string) => void }) {
  const to = notice.body.to.registrar;
  const [sentTo, setSentTo] = useState(to?.abuseEmails.join(', ') ?? '');
  const [note, setNote] = useState('');
  const [error, setError] = useState('');
  const field = (name: string) => `${headingId}-notice-${notice.id}-${name}`;
  const json = useMemo(() => new Blob([`${JSON.stringify(notice.body, null, 2)}\n`], { type: 'application/json' }), [notice]);

  const record = async () => {
    setError('');
    try {
      const n = await api.markSent(notice.id, sentTo.trim(), note.trim() || undefined);
      onSent(`Notice #${n.id} recorded as sent to ${n.sentTo}.`);
    } catch (e) {
      setError(`Not recorded: ${(e as Error).message}`);
    }
  };

  return (
    <section class="notice" aria-labelledby={field('title')}>
      <h4 id={field('title')}>
        Notice #{notice.id}, prepared {formatDateTime(notice.preparedAt)}
      </h4>
      <dl class="facts">
        <dt>Registrar</dt>
        <dd>{to ? `${to.name ?? 'unnamed'}${to.ianaId ? ` (IANA ID ${to.ianaId})` : ''}` : 'not found in RDAP'}</dd>
        <dt>Abuse contact</dt>
        <dd>{to && to.abuseEmails.length + to.abusePhones.length > 0 ? [...to.abuseEmails, ...to.abusePhones].join(', ') : 'none in RDAP'}</dd>
        {notice.body.to.host && (
          <>
            <dt>Served from</dt>
            <dd>{notice.body.to.host.address}</dd>
          </>
        )}
        <dt>Sent</dt>
        <dd>{notice.sentAt ? `to ${notice.sentTo}, ${formatDateTime(notice.sentAt)}, by ${notice.sentBy}` : 'not recorded yet'}</dd>
        {notice.suspendedAt && (
          <>
            <dt>Found suspended</dt>
            <dd>{formatDateTime(notice.suspendedAt)}</dd>
          </>
        )}
      </dl>
      <p>
        <label for={field('text')}>Text of notice #{notice.id} (copy it into your e-mail)</label>
        <textarea id={field('text')} readOnly rows={10} value={notice.text} />
      </p>
      <p>
        <button type="button" onClick={() => saveFile(json, `notice-${notice.id}-${notice.domain}.json`)}>
          Save notice #{notice.id} as JSON
        </button>
      </p>
      {!notice.sentAt && (
        <form onSubmit={(e) => (e.preventDefault(), void record())}>
          <p>
            <label for={field('to')}>Sent to (the addresses you mailed)</label>
            <input id={field('to')} type="text" required minLength={3} maxLength={500} value={sentTo} onInput={(e) => setSentTo(e.currentTarget.value)} />
          </p>
          <p>
            <label for={field('note')}>Note on sending (optional)</label>
            <input id={field('note')} type="text" maxLength={500} value={note} onInput={(e) => setNote(e.currentTarget.value)} />
          </p>
          <p>
            <button type="submit">Record notice #{notice.id} as sent</button>
          </p>
          <p role="alert" class="error">{error}</p>
        </form>
      )}
    </section>
  );
}
