/**
 * The picture of the work: this week against the last, reports and decisions by week, reasons,
 * time from first report to decision, the domains with most reports, lists published and their
 * sizes. Each chart (Observable Plot, drawn as SVG) has its data table beside it, which is what
 * screen readers read (the chart is one image with a summary), and a CSV download of the same rows.
 */
import * as Plot from '@observablehq/plot';
import { useEffect, useMemo, useRef } from 'preact/hooks';
import type { Stats } from '../src/review/stats';
import type { Api } from './api';
import { REASON_LABELS, formatDateTime } from './format';
import { useLoad } from './useLoad';

type Row = Record<string, string | number>;
interface Column { key: string; label: string }

const csvCell = (v: string | number) => (typeof v === 'number' ? String(v) : /[",\n\r]/.test(v) || /^[=+\-@\t]/.test(v) ? `"${(/^[=+\-@\t]/.test(v) ? `'${v}` : v).replace(/"/g, '""')}"` : v);
export const toCsv = (columns: Column[], rows: Row[]) => [columns.map((c) => csvCell(c.label)), ...rows.map((r) => columns.map((c) => csvCell(r[c.key] ?? '')))].map((l) => l.join(',')).join('\r\n') + '\r\n';

function Chart({ summary, draw }: { summary: string; draw: () => SVGSVGElement | HTMLElement }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const figure = draw();
    // With a legend Plot returns a <figure>: its swatches are small SVGs, the chart is the figure's own child.
    const svg = figure instanceof SVGSVGElement ? figure : figure.querySelector(':scope > svg');
    // One image with a summary: the table below carries the figures for assistive technology.
    svg?.setAttribute('role', 'img');
    svg?.setAttribute('aria-label', summary);
    // Plot names its axes and marks with aria-label on <g>: inside one image those are noise (and not allowed on a plain g).
    svg?.querySelectorAll('[aria-label], [aria-description]').forEach((n) => (n.removeAttribute('aria-label'), n.removeAttribute('aria-description')));
    figure.querySelectorAll('style').forEach((s) => s.remove());
    box.current!.replaceChildren(figure);
    return () => figure.remove();
  }, [draw, summary]);
  return <div class="chart" ref={box} />;
}

function Panel({ id, title, summary, columns, rows, draw }: { id: string; title: string; summary: string; columns: Column[]; rows: Row[]; draw: () => SVGSVGElement | HTMLElement }) {
  const href = useMemo(() => URL.createObjectURL(new Blob([toCsv(columns, rows)], { type: 'text/csv;charset=utf-8' })), [columns, rows]);
  useEffect(() => () => URL.revokeObjectURL(href), [href]);
  return (
    <section class="panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{title}</h2>
      {rows.length > 0 ? <Chart summary={summary} draw={draw} /> : <p>Nothing yet.</p>}
      <table>
        <caption>{title}: the figures</caption>
        <thead>
          <tr>{columns.map((c) => <th scope="col" key={c.key}>{c.label}</th>)}</tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={i}>{columns.map((c, j) => (j === 0 ? <th scope="row" key={c.key}>{r[c.key]}</th> : <td key={c.key}>{r[c.key]}</td>))}</tr>
          ))}
        </tbody>
      </table>
      <p><a href={href} download={`${id}.csv`}>Download “{title}” as CSV</a></p>
    </section>
  );
}

const plotBase = { width: 640, height: 260, marginLeft: 60, style: null as unknown as undefined };

export function Work({ api }: { api: Api }) {
  const stats = useLoad(() => api.stats(), [api]);
  const panels = useMemo(() => (stats.data ? panelsOf(stats.data) : []), [stats.data]);
  if (stats.error) return <p role="alert" class="error">{stats.error}</p>;
  if (!stats.data) return <p role="status">Loading…</p>;
  const w = stats.data.thisWeek;
  return (
    <>
      <section aria-labelledby="week-title">
        <h2 id="week-title">This week</h2>
        <p>Figures since Monday 00:00 UTC, as of {formatDateTime(stats.data.generatedAt)}.</p>
        <dl class="week">
          <dt>Reports</dt><dd>{w.reports} (last week {w.lastWeek})</dd>
          <dt>Confirmed</dt><dd>{w.confirmed}</dd>
          <dt>Rejected</dt><dd>{w.rejected}</dd>
          <dt>New domains in drafts</dt><dd>{w.newDomains}</dd>
          <dt>Versions published</dt><dd>{w.published}</dd>
          <dt>Page copies kept</dt><dd>{w.pageCopies}</dd>
          <dt>Notices sent</dt><dd>{w.noticesSent}</dd>
          <dt>Domains found suspended</dt><dd>{w.suspended}</dd>
        </dl>
        <p>Median time from a first report to its decision: {stats.data.medianHoursToDecision === null ? 'no decision yet' : `${stats.data.medianHoursToDecision} hours`}.</p>
      </section>
      {panels.map((p) => <Panel key={p.id} {...p} />)}
    </>
  );
}

function panelsOf(s: Stats) {
  const weekly = s.weeks.flatMap((w) => [
    { week: w.week, series: 'Suspicious-site reports', n: w.suspicious },
    { week: w.week, series: 'False-positive reports', n: w.falsePositive },
  ]);
  const decided = s.weeks.flatMap((w) => [
    { week: w.week, series: 'Confirmed', n: w.confirmed },
    { week: w.week, series: 'Rejected', n: w.rejected },
  ]);
  const reasons = s.reasons.map((r) => ({ reason: REASON_LABELS[r.reason as keyof typeof REASON_LABELS] ?? r.reason, total: r.total, thisWeek: r.thisWeek }));
  const total = (rows: { n: number }[]) => rows.reduce((a, r) => a + r.n, 0);
  return [
    {
      id: 'reports-by-week', title: 'Reports by week',
      summary: `Bar chart of reports received in each of the last ${s.weeks.length} weeks: ${total(weekly)} in all.`,
      columns: [{ key: 'week', label: 'Week of' }, { key: 'suspicious', label: 'Suspicious site' }, { key: 'falsePositive', label: 'Warning is a mistake' }],
      rows: s.weeks.map((w) => ({ week: w.week, suspicious: w.suspicious, falsePositive: w.falsePositive })),
      draw: () => Plot.plot({ ...plotBase, x: { label: 'Week of', tickRotate: -30 }, y: { label: 'Reports', grid: true }, color: { legend: true, range: ['#8a1c1c', '#1f5f8b'] }, marks: [Plot.barY(weekly, { x: 'week', y: 'n', fill: 'series' }), Plot.ruleY([0])] }),
    },
    {
      id: 'decisions-by-week', title: 'Decisions by week',
      summary: `Bar chart of decisions in each of the last ${s.weeks.length} weeks: ${total(decided)} in all.`,
      columns: [{ key: 'week', label: 'Week of' }, { key: 'confirmed', label: 'Confirmed' }, { key: 'rejected', label: 'Rejected' }],
      rows: s.weeks.map((w) => ({ week: w.week, confirmed: w.confirmed, rejected: w.rejected })),
      draw: () => Plot.plot({ ...plotBase, x: { label: 'Week of', tickRotate: -30 }, y: { label: 'Decisions', grid: true }, color: { legend: true, range: ['#1d6b3a', '#5c5c5c'] }, marks: [Plot.barY(decided, { x: 'week', y: 'n', fill: 'series' }), Plot.ruleY([0])] }),
    },
    {
      id: 'reasons', title: 'Reports by reason',
      summary: `Bar chart of the reasons reporters gave, ${reasons.reduce((a, r) => a + r.total, 0)} in all.`,
      columns: [{ key: 'reason', label: 'Reason' }, { key: 'total', label: 'All reports' }, { key: 'thisWeek', label: 'This week' }],
      rows: reasons,
      draw: () => Plot.plot({ ...plotBase, marginLeft: 300, x: { label: 'Reports', grid: true }, y: { label: null }, marks: [Plot.barX(reasons, { x: 'total', y: 'reason', fill: '#8a1c1c', sort: { y: '-x' } }), Plot.ruleX([0])] }),
    },
    {
      id: 'time-to-decision', title: 'Time from first report to decision',
      summary: `Bar chart of ${s.timeToDecision.reduce((a, b) => a + b.decisions, 0)} decisions by how long after the first report they came.`,
      columns: [{ key: 'bucket', label: 'Time to decision' }, { key: 'decisions', label: 'Decisions' }],
      rows: s.timeToDecision.map((t) => ({ bucket: t.bucket, decisions: t.decisions })),
      draw: () => Plot.plot({ ...plotBase, x: { label: null, domain: s.timeToDecision.map((t) => t.bucket) }, y: { label: 'Decisions', grid: true }, marks: [Plot.barY(s.timeToDecision, { x: 'bucket', y: 'decisions', fill: '#1f5f8b' }), Plot.ruleY([0])] }),
    },
    {
      id: 'top-domains', title: 'Domains with most reports',
      summary: `Bar chart of the ${s.topDomains.length} domains with most reports.`,
      columns: [{ key: 'domain', label: 'Domain' }, { key: 'reports', label: 'Reports' }, { key: 'open', label: 'Open' }],
      rows: s.topDomains.map((d) => ({ domain: d.domain, reports: d.reports, open: d.open })),
      draw: () => Plot.plot({ ...plotBase, marginLeft: 200, x: { label: 'Reports', grid: true }, y: { label: null }, marks: [Plot.barX(s.topDomains, { x: 'reports', y: 'domain', fill: '#8a1c1c', sort: { y: '-x' } }), Plot.ruleX([0])] }),
    },
    {
      id: 'publications', title: 'Lists published and their sizes',
      summary: `Line chart of the entries in each published version, ${s.publications.length} versions in all.`,
      columns: [{ key: 'list', label: 'List and version' }, { key: 'at', label: 'Published' }, { key: 'entries', label: 'Entries' }],
      rows: s.publications.map((p) => ({ list: `${p.listId} v${p.version}`, at: formatDateTime(p.at), entries: p.entries })),
      draw: () => Plot.plot({ ...plotBase, x: { label: 'Published', type: 'utc' }, y: { label: 'Entries', grid: true }, color: { legend: true }, marks: [Plot.lineY(s.publications.map((p) => ({ ...p, at: new Date(p.at) })), { x: 'at', y: 'entries', stroke: 'listId', marker: 'circle' }), Plot.ruleY([0])] }),
    },
  ];
}
