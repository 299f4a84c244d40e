/** The reports view: groups of reports by domain, filtered by status. */
import { useState } from 'preact/hooks';
import type { Api } from './api';
import type { ReportStatus } from '../src/review/groups';
import { GroupCard } from './GroupCard';
import { useLoad } from './useLoad';

export function Groups({ api }: { api: Api }) {
  const [status, setStatus] = useState<ReportStatus>('open');
  const [notice, setNotice] = useState('');
  const groups = useLoad(() => api.groups(status), [api, status]);
  const lists = useLoad(() => api.lists(), [api]);
  return (
    <>
      <p>
        <label for="status">Show reports that are</label>{' '}
        <select id="status" value={status} onChange={(e) => setStatus(e.currentTarget.value as ReportStatus)}>
          <option value="open">open</option>
          <option value="confirmed">confirmed</option>
          <option value="rejected">rejected</option>
        </select>{' '}
        <button type="button" onClick={groups.reload}>
          Refresh
        </button>
      </p>
      <p role="status">{notice}</p>
      {groups.error && <p role="alert" class="error">{groups.error}</p>}
      {groups.data === null && !groups.error && <p role="status">Loading…</p>}
      {groups.data?.length === 0 && <p>No {status} reports.</p>}
      {groups.data?.map((g) => (
        <GroupCard key={`${g.kind} ${g.domain}`} group={g} lists={lists.data ?? []} status={status} api={api} onChanged={groups.reload} onDecided={(message) => {
            setNotice(message);
            groups.reload();
          }} />
      ))}
    </>
  );
}
