/**
 * One group: a domain and kind, its counts, reasons and dates, the latest reports, and (when open)
 * the decision form. Comments, addresses and e-mails are rendered as text by Preact, never as HTML.
 */
import type { Api } from './api';
import type { HubList } from '../src/lists/store';
import type { ReportGroup } from '../src/review/groups';
import { DecisionForm } from './DecisionForm';
import { formatDateTime, KIND_LABELS, REASON_LABELS } from './format';

interface Props {
  group: ReportGroup;
  lists: HubList[];
  open: boolean;
  api: Api;
  onDecided: (message: string) => void;
}

export function GroupCard({ group, lists, open, api, onDecided }: Props) {
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
              <td>{r.contactEmail}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {open && <DecisionForm group={group} lists={lists} api={api} onDecided={onDecided} headingId={id} />}
    </article>
  );
}
