/** A notice to a registrar (and the host, where known), as JSON and as the text of an e-mail. */
export interface NoticeBody {
  readonly format: 1;
  readonly type: 'pharmacheck-notice';
  readonly domain: string;
  readonly preparedAt: string;
  readonly from: { name: string; country?: string; website?: string };
  readonly to: {
    readonly registrar: { name: string | null; ianaId: string | null; abuseEmails: string[]; abusePhones: string[]; source: 'registrar' | 'registry' | null } | null;
    /** The address that served the page copy: its network's operator hosts the site. */
    readonly host: { address: string; seenAt: string; snapshotId: number } | null;
  };
  readonly rdap: { statuses: string[]; events: { action: string; date: string | null }[] } | { problem: string };
  readonly decisions: { id: number; decidedAt: string; list: string; reference: string | null }[];
  readonly reports: { count: number; first: string; last: string; reasons: Record<string, number> };
  readonly pageCopies: { id: number; requestedUrl: string; finalUrl: string | null; redirects: number; fetchedAt: string; sha256: string; bytes: number; outcome: string }[];
  readonly otherAuthorities: { publisher: string; country: string | null; list: string; since: string; category: string }[];
}

const day = (iso: string) => iso.slice(0, 10);
const time = (iso: string) => `${iso.slice(0, 16).replace('T', ' ')} UTC`;

export function noticeText(body: NoticeBody): string {
  const r = body.to.registrar;
  const lines: string[] = [];
  const to = r?.abuseEmails.length ? r.abuseEmails.join(', ') : '(no abuse address in RDAP: use the registrar\'s abuse form)';
  lines.push(`To: ${to}`);
  lines.push(`Subject: Illegal online pharmacy at ${body.domain}: request to act`);
  lines.push('');
  lines.push(`Dear ${r?.name ?? 'registrar'} abuse team${r?.ianaId ? ` (IANA Registrar ID ${r.ianaId})` : ''},`);
  lines.push('');
  lines.push(
    `${body.from.name}${body.from.country ? ` (${body.from.country})` : ''} has found that the website at ${body.domain} offers medicines to the public illegally, and has listed the domain. ` +
      'Under the Council of Europe Medicrime Convention (CETS No. 211) authorities co-operate with the companies that run the internet\'s infrastructure to act against such sites. ' +
      'We ask you to act on this domain under your registration agreement and abuse policy, and to tell us what you did.',
  );
  lines.push('');
  lines.push('Decision');
  for (const d of body.decisions) lines.push(`  - decision ${d.id} of ${day(d.decidedAt)}, list "${d.list}"${d.reference ? `, reference ${d.reference}` : ''}`);
  lines.push('');
  lines.push('Evidence');
  lines.push(`  - ${body.reports.count} report(s) from the public between ${day(body.reports.first)} and ${day(body.reports.last)}: ${Object.entries(body.reports.reasons).map(([k, n]) => `${k} (${n})`).join(', ') || 'no reason given'}`);
  for (const c of body.pageCopies) {
    lines.push(`  - copy of ${c.requestedUrl} kept on ${time(c.fetchedAt)}${c.finalUrl && c.finalUrl !== c.requestedUrl ? `, served at ${c.finalUrl} after ${c.redirects} redirect(s)` : ''}: ${c.bytes} bytes, SHA-256 ${c.sha256} (${c.outcome})`);
  }
  for (const o of body.otherAuthorities) lines.push(`  - also listed by ${o.publisher}${o.country ? ` (${o.country})` : ''} in "${o.list}" since ${o.since} (${o.category})`);
  lines.push('');
  lines.push('Registration data (RDAP)');
  if ('problem' in body.rdap) lines.push(`  - ${body.rdap.problem}`);
  else {
    lines.push(`  - status: ${body.rdap.statuses.join(', ') || 'none given'}`);
    for (const e of body.rdap.events) lines.push(`  - ${e.action}: ${e.date ?? 'no date'}`);
  }
  if (body.to.host) {
    lines.push('');
    lines.push('Hosting');
    lines.push(`  - the page copy of ${time(body.to.host.seenAt)} was served from ${body.to.host.address}; a copy of this notice goes to that network's abuse contact.`);
  }
  lines.push('');
  lines.push(`Prepared by the Pharmacheck hub of ${body.from.name} on ${time(body.preparedAt)}. The page copies and their hashes are kept with the decision.`);
  return `${lines.join('\n')}\n`;
}
