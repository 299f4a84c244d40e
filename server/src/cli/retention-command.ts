/** `retention [--grace-days N]`: applies the retention policy once (run it daily, docs/hub.md). */
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { actorName } from '../auth';
import type { HubConfig } from '../config';
import type { Database } from '../db';
import { applyRetention, DEFAULT_RETENTION_DAYS } from '../retention';

const options = z.strictObject({ 'grace-days': z.coerce.number().int().min(0).max(3650).optional() });

export async function retentionCommand(db: Database, args: string[], config: HubConfig): Promise<void> {
  const { values } = parseArgs({ args, options: { 'grace-days': { type: 'string' } } });
  const parsed = options.parse(values);
  const graceDays = parsed['grace-days'] ?? config.retentionDays ?? DEFAULT_RETENTION_DAYS;
  const result = await applyRetention(db, { graceDays, actor: actorName({ id: 'cli', label: 'command line' }) });
  console.log(`Deleted ${result.emailsDeleted} reporters' e-mail addresses of reports decided before ${result.cutoff} (${graceDays} days ago).`);
}
