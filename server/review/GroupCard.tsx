/**
 * One group: a domain and kind, its counts, reasons and dates, the latest reports, its evidence
 * (signals, page copies, other authorities), the decision form when open, and the notices once
 * confirmed. Comments, addresses and e-mails are rendered as text by Preact, never as HTML.
 */
import type { Api } from './api';
import type { HubList } from '../src/lists/store';
import type { GroupWithEvidence } from '../src/review/enrich';
import type { ReportStatus } from '../src/review/groups';
import { DecisionForm } from './DecisionForm';
import { Evidence } from './Evidence';
import { Notices } from './Notices';
import { formatDateTime, KIND_LABELS, REASON_LABELS } from './format';

interface Props {
  group: GroupWithEvidence;
  lists: HubList[];
  status: ReportStatus;
  api: Api;
  onDecided: (message: string) => void;
  /** Evidence or notices changed: the group is loaded again. */
  onChanged: () => void;
}

export function GroupCard({ group, lists, status, api, onDecided, onChanged }: Props) {
  const id = `group-${group.kind}-${group.domain.replace(/[^a-z0-9-]/g, '-')}`;
  const reasons = Object.entries(group.reasons).sort((a, b) => b[1] - a[1]);
  return (
    <article class="group" aria-labelledby={id}>
      <h2 id={id}>
        {group.domain} <span class="kind">{KIND_LABELS[group.kind]}</span>
      </h2>
      <dl class="facts">
        <dt>Reports</dt>
        <dd>{group.count}</dd>
        <dt>First</dt>
        <dd>{formatDateTime(group.firstReceivedAt)}</dd>
        <dt>Latest</dt>
        <dd>{formatDateTime(group.lastReceivedAt)}</dd>
        {group.inDrafts.length > 0 && (
          <>
            <dt>In the draft of</dt>
            <dd>{group.inDrafts.join(', ')}</dd>
          </>
        )}
      </dl>
      {reasons.length > 0 && (
        <>
          <h3>Reasons</h3>
          <ul>
            {reasons.map(([reason, n]) => (
              <li key={reason}>
                {REASON_LABELS[reason as keyof typeof REASON_LABELS] ?? reason}: {n}
              </li>
            ))}
          </ul>
        </>
      )}
      <table>
        <caption>
          {group.reports.length < group.count ? `The latest ${group.reports.length} of ${group.count} reports` : 'Reports'}
        </caption>
        <thead>
          <tr>
            <th scope="col">Received</th>
            <th scope="col">Address</th>
            <th scope="col">Reasons</th>
            <th scope="col">Comment</th>
            <th scope="col">Signals</th>
            <th scope="col">Contact</th>
          </tr>
        </thead>
        <tbody>
          {group.reports.map((r) => (
            <tr key={r.id}>
              <td>
                {formatDateTime(r.receivedAt)} <span class="muted">#{r.id}</span>
              </td>
              <td class="page">{r.page}</td>
              <td>{r.reasons.map((x) => REASON_LABELS[x] ?? x).join('; ')}</td>
              <td class="comment">{r.comment}</td>
              <td>{r.signals.join(', ')}</td>
              <td>{r.contactEmail}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <Evidence group={group} api={api} headingId={id} onChanged={onChanged} />
      {status === 'open' && <DecisionForm group={group} lists={lists} api={api} onDecided={onDecided} headingId={id} />}
      {group.kind === 'suspicious-site' && (status === 'confirmed' || group.notices.length > 0) && (
        <Notices group={group} api={api} headingId={id} onChanged={onChanged} />
      )}
    </article>
  );
}
