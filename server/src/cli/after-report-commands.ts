/**
 * After a report, from the command line (run them from timers, as `retention`):
 *   subscribe-peer --url <latest.json> --key <public key or key file>
 *   refresh-peers                     download every subscription again (verified as the extension does)
 *   recheck-domains [<domain>…]       ask RDAP again about domains whose notice was sent
 *   update-rdap-bootstrap [--file dns.json | --url …]   keep a newer IANA RDAP bootstrap file
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { actorName } from '../auth';
import { FETCH_DEFAULTS, type HubConfig } from '../config';
import type { Database } from '../db';
import { fetchOptions } from '../evidence/snapshots';
import { boundedFetch } from '../fetch/bounded-fetch';
import { refreshPeers, subscribePeer } from '../peers/peers';
import { IANA_DNS_BOOTSTRAP, saveBootstrap } from '../rdap/bootstrap';
import { recheckDomains } from '../rdap/notices';
import { CommandError } from './command-error';

const actor = actorName({ id: 'cli', label: 'command line' });

export async function subscribePeerCommand(db: Database, args: string[]): Promise<void> {
  const { values } = parseArgs({ args, options: { url: { type: 'string' }, key: { type: 'string' } } });
  if (!values.url || !values.key) throw new CommandError('--url <latest.json address> and --key <public key or key file> are required', 2);
  let key = values.key;
  if (!/^[A-Za-z0-9+/]{43}=$/.test(key.trim())) {
    try {
      key = readFileSync(key, 'utf8');
    } catch {
      throw new CommandError(`--key: neither a base64 key nor a readable key file: ${values.key}`, 2);
    }
  }
  const { peer } = await subscribePeer(db, { url: values.url, publicKey: key }, actor);
  console.log(`Subscribed to ${peer.name} ("${peer.listId}" version ${peer.version}, ${peer.entries} entries) by ${peer.publisher?.name}.`);
}

export async function refreshPeersCommand(db: Database): Promise<void> {
  const outcomes = await refreshPeers(db, actor);
  for (const o of outcomes) console.log(`${o.url}: ${o.status}${o.version === null ? '' : ` (version ${o.version})`}${o.error ? `: ${o.error}` : ''}`);
  if (outcomes.length === 0) console.log('No subscriptions.');
  if (outcomes.some((o) => o.status === 'failed')) process.exitCode = 1;
}

export async function recheckDomainsCommand(db: Database, args: string[], config: HubConfig): Promise<void> {
  const { positionals } = parseArgs({ args, allowPositionals: true, options: {} });
  const checks = await recheckDomains(db, actor, { fetch: fetchOptions(config), maxRetryAfterMs: config.rdapMaxRetryAfterMs ?? FETCH_DEFAULTS.rdapMaxRetryAfterMs }, positionals.length ? { domains: positionals } : {});
  for (const c of checks) console.log(`${c.domain}: ${c.outcome}${c.statuses.length ? ` (${c.statuses.join(', ')})` : ''}${c.problem ? `: ${c.problem}` : ''}`);
  if (checks.length === 0) console.log('No sent notice waits for a suspension.');
}

export async function updateRdapBootstrapCommand(db: Database, args: string[], config: HubConfig): Promise<void> {
  const { values } = parseArgs({ args, options: { file: { type: 'string' }, url: { type: 'string' } } });
  if (values.file && values.url) throw new CommandError('give --file or --url, not both', 2);
  let bytes: Uint8Array;
  let source: string;
  if (values.file) {
    source = values.file;
    try {
      bytes = readFileSync(values.file);
    } catch {
      throw new CommandError(`cannot read ${values.file}`);
    }
  } else {
    source = values.url ?? IANA_DNS_BOOTSTRAP;
    const response = await boundedFetch(source, { ...fetchOptions(config), maxBytes: 4 * 1024 * 1024, headers: { accept: 'application/json' } });
    if (response.outcome !== 'complete' || response.status !== 200) throw new CommandError(`could not download ${source}: ${response.problem ?? `the server answered ${response.status}`}`);
    bytes = response.bytes;
  }
  const file = await saveBootstrap(db, bytes, source, actor).catch((error: Error) => {
    throw new CommandError(error.message);
  });
  console.log(`Kept the RDAP bootstrap of ${file.publication} from ${source} (${file.services.length} services).`);
}
