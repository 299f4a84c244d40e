/** The audit log: who confirmed, rejected, published, created or revoked what, and when. */
import type { Api } from './api';
import { formatDateTime } from './format';
import { useLoad } from './useLoad';

export function AuditLog({ api }: { api: Api }) {
  const audit = useLoad(() => api.audit(), [api]);
  if (audit.error) return <p role="alert" class="error">{audit.error}</p>;
  if (!audit.data) return <p role="status">Loading…</p>;
  return (
    <table>
      <caption>The latest {audit.data.length} entries, newest first</caption>
      <thead>
        <tr>
          <th scope="col">When</th>
          <th scope="col">Who</th>
          <th scope="col">Action</th>
          <th scope="col">Subject</th>
          <th scope="col">Details</th>
        </tr>
      </thead>
      <tbody>
        {audit.data.map((e) => (
          <tr key={e.id}>
            <td>{formatDateTime(e.at)}</td>
            <td>{e.actor}</td>
            <td>{e.action}</td>
            <td>{e.subject}</td>
            <td class="details">{JSON.stringify(e.details)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
