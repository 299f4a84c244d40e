/**
 * What "after a report" needs around a hub, all on 127.0.0.1: the reported site (rogue.example,
 * resolved to 127.0.0.1 for this hub's fetcher only; `/` redirects to `/shop`, whose page holds a
 * script that would call `/beacon` if anything ran it), a local RDAP service, this hub (with a
 * blocklist and the test bootstrap file) and a second hub on its own database: another authority.
 */
import { createServer, type Server } from 'node:http';
import type { Database } from '../../../server/src/db';
import { saveBootstrap } from '../../../server/src/rdap/bootstrap';
import type { DatabaseKind, TestDatabase } from './databases';
import { startTestHub, type TestHub } from './hub';
import { startRdapServer, testBootstrap, type RdapServer } from './rdap-server';
import { aReport, postReport } from './reports';
import { call, tokenFor } from './tokens';

export const SITE_PAGE = '<!doctype html><title>Cheap pills</title><script>fetch("/beacon")</script><p>No prescription needed</p>';

export const authorityList = (id: string, name: string, publisher: string, country: string) => ({
  meta: { id, name, publisher: { name: publisher, type: 'authority', country }, kind: 'block' },
  validityDays: 30,
});

export interface AfterReportWorld {
  readonly ours: { hub: TestHub; db: Database; reviewer: string; publisher: string };
  readonly theirs: { hub: TestHub; db: Database; publisher: string };
  readonly rdap: RdapServer;
  /** `url` is http://rogue.example:<port>; `requests` the paths the site was asked for. */
  readonly site: { url: string; requests: string[] };
  /** The other authority confirms `domain` from a report of its own and publishes version N+1. */
  theyList(domain: string): Promise<void>;
  /** The other hub's public key file, as text. */
  theirKey(): Promise<string>;
  close(): Promise<void>;
}

export async function startAfterReportWorld(kind: DatabaseKind): Promise<AfterReportWorld> {
  const cleanup: (() => Promise<unknown>)[] = [];
  const close = async () => {
    for (const step of cleanup.splice(0)) await step();
  };
  try {
    const hubOn = async (overrides = {}) => {
      const database: TestDatabase = await kind.create();
      const db = await database.open();
      cleanup.unshift(() => database.dispose(), () => db.close());
      const hub = await startTestHub(database, db, overrides);
      cleanup.unshift(() => hub.close());
      return { hub, db };
    };
    const requests: string[] = [];
    const server: Server = createServer((req, res) => {
      requests.push(req.url ?? '');
      if (req.url === '/') return void res.writeHead(302, { location: '/shop' }).end();
      res.writeHead(200, { 'content-type': 'text/html' }).end(SITE_PAGE);
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    cleanup.unshift(() => new Promise((done) => server.close(done)));
    const site = { url: `http://rogue.example:${(server.address() as { port: number }).port}`, requests };
    const rdap = await startRdapServer();
    cleanup.unshift(() => rdap.close());

    const a = await hubOn({
      fetchPolicy: { allow: ['127.0.0.1/32'] },
      fetchResolve: async (host: string) => (host === 'rogue.example' ? [{ address: '127.0.0.1', family: 4 }] : []),
      rdapMaxRetryAfterMs: 0,
    });
    const ours = { ...a, reviewer: await tokenFor(a.db, 'reviewer', 'Alice Reviewer'), publisher: await tokenFor(a.db, 'publisher', 'Paul Publisher') };
    const created = await call(ours.hub.url, '/v1/lists/fr-test', ours.publisher, { method: 'PUT', body: authorityList('fr-test', 'French test list', 'Test Authority FR', 'FR') });
    if (created.status !== 201) throw new Error(`fr-test: ${created.status}`);
    await saveBootstrap(ours.db, new TextEncoder().encode(JSON.stringify(testBootstrap(rdap))), 'test', 'test');

    const b = await hubOn();
    const theirs = { ...b, publisher: await tokenFor(b.db, 'publisher', 'Petra Publisher') };
    const theirList = await call(theirs.hub.url, '/v1/lists/de-test', theirs.publisher, { method: 'PUT', body: authorityList('de-test', 'German test list', 'Test Authority DE', 'DE') });
    if (theirList.status !== 201) throw new Error(`de-test: ${theirList.status}`);

    const theyList = async (domain: string) => {
      const id = (await postReport(theirs.hub.url, aReport({ page: `https://${domain}/` }))).body.id;
      const decision = await call(theirs.hub.url, '/v1/review/decisions', theirs.publisher, {
        method: 'POST',
        body: { action: 'confirm', domain, kind: 'suspicious-site', reportIds: [id], listId: 'de-test', category: 'illegal-pharmacy', reference: 'DE-2025-7' },
      });
      if (decision.status !== 200) throw new Error(`their decision: ${decision.status} ${JSON.stringify(decision.body)}`);
      const published = await call(theirs.hub.url, '/v1/lists/de-test/publish', theirs.publisher, { method: 'POST', body: {} });
      if (published.status !== 201) throw new Error(`their publication: ${published.status}`);
    };
    const theirKey = async () => JSON.stringify(await (await fetch(`${theirs.hub.url}/v1/public-key`)).json());
    return { ours, theirs, rdap, site, theyList, theirKey, close };
  } catch (error) {
    await close();
    throw error;
  }
}
