/**
 * Publishing: the draft becomes a signed version N+1 (with deltas and latest.json) that a
 * subscriber's checks accept, recorded in the audit log, stored in the database and served
 * read-only under /lists/ with the layout's names only.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkDelta, checkList, listSchema, publishIndexSchema } from '../../lib/lists';
import type { PublicKeyFile } from '../../lib/signing';
import type { Database } from '../../server/src/db';
import { databaseKinds, type TestDatabase } from './support/databases';
import { startTestHub, type TestHub } from './support/hub';
import { aReport, postReport } from './support/reports';
import { call, tokenFor } from './support/tokens';

const LIST = {
  meta: {
    id: 'fr-test',
    name: 'Test authority blocklist',
    publisher: { name: 'Test Authority', type: 'authority', country: 'FR' },
    kind: 'block',
    updateIntervalMinutes: 60,
  },
  validityDays: 14,
};

describe.each(databaseKinds)('publishing on $name', (kind) => {
  let database: TestDatabase;
  let db: Database;
  let hub: TestHub;
  let publisher: string;

  beforeEach(async () => {
    database = await kind.create();
    db = await database.open();
    hub = await startTestHub(database, db);
    publisher = await tokenFor(db, 'publisher', 'Paul Publisher');
    expect((await call(hub.url, '/v1/lists/fr-test', publisher, { method: 'PUT', body: LIST })).status).toBe(201);
  });
  afterEach(async () => {
    await hub.close();
    await db.close();
    await database.dispose();
  });

  async function confirm(page: string, category = 'illegal-pharmacy', reference?: string) {
    const id = (await postReport(hub.url, aReport({ page }))).body.id;
    const domain = (await db.query<{ domain: string }>('select domain from reports where id = $1', [id])).rows[0]!.domain;
    const body = { action: 'confirm', domain, kind: 'suspicious-site', reportIds: [id], listId: 'fr-test', category, ...(reference ? { reference } : {}) };
    const decision = await call(hub.url, '/v1/review/decisions', publisher, { method: 'POST', body });
    expect(decision.status).toBe(200);
    return decision.body.decisionId as number;
  }
  const publish = () => call(hub.url, '/v1/lists/fr-test/publish', publisher, { method: 'POST', body: {} });
  const served = async (path: string) => {
    const response = await fetch(`${hub.url}/lists/${path}`);
    return { status: response.status, text: await response.text(), headers: response.headers };
  };

  it('writes the draft as version 1, then version 2, each a valid list, served under /lists/', async () => {
    const decisionId = await confirm('https://shop.rogue.example/');
    await confirm('https://fake-meds.example/', 'falsified-medicines', 'Case 42');
    const first = await publish();
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ listId: 'fr-test', version: 1, entryCount: 2 });
    expect(first.body.files).toEqual(expect.arrayContaining(['fr-test/v1.json', 'fr-test/v1.json.sig', 'fr-test/latest.json', 'fr-test/latest.json.sig', 'index.json']));
    // Signed with the key the hub gives subscribers: a subscriber's own checks accept it.
    const key = (await fetch(`${hub.url}/v1/public-key`).then((r) => r.json())) as PublicKeyFile;
    const signed = async (path: string) => ({ bytes: new TextEncoder().encode((await served(path)).text), sig: (await served(`${path}.sig`)).text });
    const v1 = await signed('fr-test/v1.json');
    const expectation = { id: 'fr-test', key, currentVersion: null, now: new Date() };
    expect((await checkList(v1.bytes, v1.sig, expectation)).version).toBe(1);
    const tampered = v1.bytes.slice();
    tampered[tampered.length - 10]! ^= 1;
    await expect(checkList(tampered, v1.sig, expectation)).rejects.toThrow(/bad.signature/);

    const current = await served('fr-test/v1.json');
    expect(current.status).toBe(200);
    expect(current.headers.get('content-type')).toContain('application/json');
    const list = listSchema.parse(JSON.parse(current.text));
    expect(list).toMatchObject({ format: 1, id: 'fr-test', kind: 'block', version: 1, updateIntervalMinutes: 60, publisher: LIST.meta.publisher });
    expect(Date.parse(list.expires) - Date.parse(list.issued)).toBe(14 * 86_400_000);
    expect(list.entries).toEqual([
      { domain: 'fake-meds.example', category: 'falsified-medicines', added: expect.any(String), evidence: { source: 'Test Authority', reference: 'Case 42' } },
      {
        domain: 'rogue.example',
        category: 'illegal-pharmacy',
        added: expect.any(String),
        evidence: { source: 'Test Authority', reference: `Pharmacheck hub decision ${decisionId}` },
      },
    ]);

    await confirm('https://third.example/');
    const second = await publish();
    expect(second.body).toMatchObject({ version: 2, entryCount: 3 });
    expect(listSchema.parse(JSON.parse((await served('fr-test/v1.json')).text)).entries).toHaveLength(2);
    expect(listSchema.parse(JSON.parse((await served('fr-test/v2.json')).text)).version).toBe(2);
    expect(listSchema.parse(JSON.parse((await served('fr-test/v2.json')).text)).entries).toHaveLength(3);
    const delta = await signed('fr-test/delta-1-2.json');
    expect((await checkDelta(delta.bytes, delta.sig, { ...expectation, currentVersion: 1 })).add.map((e) => e.domain)).toEqual(['third.example']);

    const lists = (await call(hub.url, '/v1/review/lists', publisher)).body.lists;
    expect(lists[0]).toMatchObject({ version: 2, draftEntries: 3, publishedAt: expect.any(String) });
    const audit = (await call(hub.url, '/v1/review/audit', publisher)).body.entries;
    expect(audit[0]).toMatchObject({ action: 'publish', subject: 'fr-test v2', actor: expect.stringContaining('Paul Publisher'), details: { version: 2, entries: 3 } });
  });

  it('never reuses a version number already written, even one the list row does not record', async () => {
    await confirm('https://rogue.example/');
    expect((await publish()).body.version).toBe(1);
    // As if someone had set the list back by hand: version 1's files are still there.
    await db.query('update lists set version = 0 where id = $1', ['fr-test']);
    expect((await publish()).body.version).toBe(2);
    expect(JSON.parse((await served('fr-test/v2.json')).text).version).toBe(2);
  });

  it('publishes concurrent requests as distinct consecutive versions', async () => {
    await confirm('https://rogue.example/');
    const results = await Promise.all([publish(), publish(), publish()]);
    expect(results.map((r) => r.status)).toEqual([201, 201, 201]);
    expect(results.map((r) => r.body.version).sort()).toEqual([1, 2, 3]);
  });

  it('loses neither of two different lists published at the same time (index.json names both)', async () => {
    const other = { ...LIST, meta: { ...LIST.meta, id: 'fr-other', name: 'Other blocklist' } };
    expect((await call(hub.url, '/v1/lists/fr-other', publisher, { method: 'PUT', body: other })).status).toBe(201);
    await confirm('https://rogue.example/');
    const publishOther = () => call(hub.url, '/v1/lists/fr-other/publish', publisher, { method: 'POST', body: {} });
    const results = await Promise.all([publish(), publishOther(), publish(), publishOther()]);
    expect(results.map((r) => r.status)).toEqual([201, 201, 201, 201]);
    const index = publishIndexSchema.parse(JSON.parse((await served('index.json')).text));
    expect(index.lists.map((l) => [l.id, l.version])).toEqual([
      ['fr-other', 2],
      ['fr-test', 2],
    ]);
    const key = (await fetch(`${hub.url}/v1/public-key`).then((r) => r.json())) as PublicKeyFile;
    for (const id of ['fr-test', 'fr-other']) {
      for (const version of [1, 2]) {
        const file = await served(`${id}/v${version}.json`);
        const sig = await served(`${id}/v${version}.json.sig`);
        const list = await checkList(new TextEncoder().encode(file.text), sig.text, { id, key, currentVersion: null, now: new Date() });
        expect(list.version).toBe(version);
      }
      expect(JSON.parse((await served(`${id}/latest.json`)).text)).toMatchObject({ id, version: 2, deltas: [{ from: 1 }] });
    }
  });

  it('serves each file of the layout with its SHA-256 as ETag: immutable versions and deltas, revalidated latest.json and index.json', async () => {
    await publish();
    await confirm('https://rogue.example/');
    await publish();
    const immutable = ['fr-test/v1.json', 'fr-test/v1.json.sig', 'fr-test/v2.json', 'fr-test/delta-1-2.json', 'fr-test/delta-1-2.json.sig'];
    const revalidated = ['fr-test/latest.json', 'fr-test/latest.json.sig', 'index.json'];
    for (const name of [...immutable, ...revalidated]) {
      const file = await served(name);
      expect({ name, status: file.status }).toEqual({ name, status: 200 });
      expect(file.headers.get('access-control-allow-origin')).toBe('*');
      expect(file.headers.get('etag')).toBe(`"${createHash('sha256').update(file.text).digest('hex')}"`);
      expect({ name, cache: file.headers.get('cache-control') }).toEqual({ name, cache: immutable.includes(name) ? 'public, max-age=31536000, immutable' : 'no-cache' });
    }
  });

  it('answers 304 to a subscriber that already has the current latest.json, and the new file once it changes', async () => {
    await publish();
    const first = await served('fr-test/latest.json');
    const etag = first.headers.get('etag')!;
    const again = await fetch(`${hub.url}/lists/fr-test/latest.json`, { headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
    expect(again.headers.get('etag')).toBe(etag);
    expect((await fetch(`${hub.url}/lists/fr-test/latest.json`, { headers: { 'if-none-match': `W/"${'0'.repeat(64)}", ${etag}` } })).status).toBe(304);
    await confirm('https://rogue.example/');
    await publish();
    const changed = await fetch(`${hub.url}/lists/fr-test/latest.json`, { headers: { 'if-none-match': etag } });
    expect(changed.status).toBe(200);
    expect(JSON.parse(await changed.text()).version).toBe(2);
    const v1 = await served('fr-test/v1.json');
    expect((await fetch(`${hub.url}/lists/fr-test/v1.json`, { headers: { 'if-none-match': v1.headers.get('etag')! } })).status).toBe(304);
  });

  it('never serves the signing key, although it sits in the data directory, nor a stored file that is not a name of the layout', async () => {
    await publish();
    expect(readFileSync(join(database.dir, 'signing-key.json'), 'utf8')).toContain('secretKey');
    await db.query(`insert into published_files (path, list_id, version, bytes, sha256, immutable) values ('fr-test/nope.json', 'fr-test', 1, $1, $2, true)`, [
      Buffer.from('{"entries":[]}'),
      '0'.repeat(64),
    ]);
    for (const path of ['signing-key.json', '../signing-key.json', '..%2fsigning-key.json', 'fr-test/nope.json', 'pgdata/PG_VERSION']) {
      const response = await served(path);
      expect({ path, status: response.status }).toEqual({ path, status: 404 });
      expect(response.text).not.toContain('secretKey');
      expect(response.text).not.toContain('entries');
    }
  });

  it('serves nothing outside the layout\'s names: traversal, other cases, temporary and hidden files, version 0, backwards deltas (404)', async () => {
    await publish();
    const paths = [
      'fr-test/../../pgdata/PG_VERSION',
      '..%2f..%2fpgdata%2fPG_VERSION',
      '%2e%2e/%2e%2e/etc/passwd',
      'fr-test/v1.JSON',
      'fr-test/v1.json.tmp',
      'fr-test/.v1.json',
      'fr-test/v0.json',
      'fr-test/v01.json',
      'fr-test/delta-2-1.json',
      'fr-test/a/v1.json',
      'index.json.sig',
      'fr-test',
    ];
    for (const path of paths) {
      const response = await served(path);
      expect({ path, status: response.status }).toEqual({ path, status: 404 });
      expect(response.text).not.toContain('entries');
    }
    // The control: the same hub serves the layout's own names.
    expect((await served('fr-test/v1.json')).status).toBe(200);
  });

  it('refuses, with a 409 naming the problem, a draft that is not a valid list, and publishes nothing', async () => {
    await db.query(
      `insert into draft_entries (list_id, domain, category, added, report_ids, decision_ids, confirmed_by, confirmed_at)
       values ('fr-test', 'co.uk', 'illegal-pharmacy', '2025-01-01', '{}', '{}', 'x', now())`,
    );
    const response = await publish();
    expect(response.status).toBe(409);
    expect(response.body).toMatchObject({ error: 'conflict', message: expect.stringMatching(/not a valid list: entries\.0\.domain public-suffix/) });
    expect((await served('fr-test/latest.json')).status).toBe(404);
    expect((await db.query('select count(*)::int as n from published_files')).rows[0]).toEqual({ n: 0 });
    expect((await call(hub.url, '/v1/review/lists', publisher)).body.lists[0]).toMatchObject({ version: 0 });
  });

  it('refuses to publish a list that does not exist (404), and writes nothing', async () => {
    const response = await call(hub.url, '/v1/lists/unknown/publish', publisher, { method: 'POST', body: {} });
    expect(response.status).toBe(404);
    expect((await served('unknown/v1.json')).status).toBe(404);
  });

  it('refuses list settings that are not a valid list (400), and a change of kind (409)', async () => {
    expect((await call(hub.url, '/v1/lists/fr-test', publisher, { method: 'PUT', body: { ...LIST, meta: { ...LIST.meta, kind: 'allow' } } })).status).toBe(409);
    for (const body of [
      { ...LIST, meta: { ...LIST.meta, kind: 'neither' } },
      { ...LIST, meta: { ...LIST.meta, id: 'other-id' } },
      { ...LIST, validityDays: 0 },
      { ...LIST, meta: { ...LIST.meta, publisher: { name: 'x', type: 'government' } } },
    ]) {
      expect((await call(hub.url, '/v1/lists/fr-test', publisher, { method: 'PUT', body })).status).toBe(400);
    }
  });
});
