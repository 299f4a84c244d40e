/**
 * Export: everything the hub publishes, written to a directory for any static host, checked as a
 * subscriber would check it, never holding the hub's secrets, and never half-written.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PublishError, verifyLayout, writeLayout } from '../../lib/publishing';
import type { PublicKeyFile } from '../../lib/signing';
import { loadPublishDirectory } from '../../lib/toolkit/load-lists';
import type { Database } from '../../server/src/db';
import { exportDirProblem, exportLists } from '../../server/src/lists/export';
import { databaseKinds, type TestDatabase } from './support/databases';
import { startTestHub, type TestHub } from './support/hub';
import { aReport, postReport } from './support/reports';
import { call, tokenFor } from './support/tokens';

const listSettings = (id: string) => ({
  meta: { id, name: `List ${id}`, publisher: { name: 'Test Authority', type: 'authority' }, kind: 'block' },
  validityDays: 30,
});

/** Every file under a directory, relative path → text. */
function tree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) out[join(entry.parentPath, entry.name).slice(dir.length + 1)] = readFileSync(join(entry.parentPath, entry.name), 'utf8');
  }
  return out;
}

describe.each(databaseKinds)('export on $name', (kind) => {
  let database: TestDatabase;
  let db: Database;
  let hub: TestHub;
  let publisher: string;
  let key: PublicKeyFile;
  let exportDir: string;

  beforeEach(async () => {
    database = await kind.create();
    db = await database.open();
    exportDir = join(database.dir, 'public', 'lists');
    hub = await startTestHub(database, db, { exportDir });
    publisher = await tokenFor(db, 'publisher');
    key = (await fetch(`${hub.url}/v1/public-key`).then((r) => r.json())) as PublicKeyFile;
    for (const id of ['list-a', 'list-b']) expect((await call(hub.url, `/v1/lists/${id}`, publisher, { method: 'PUT', body: listSettings(id) })).status).toBe(201);
  });
  afterEach(async () => {
    await hub.close();
    await db.close();
    await database.dispose();
  });

  const publish = (id: string) => call(hub.url, `/v1/lists/${id}/publish`, publisher, { method: 'POST', body: {} });

  it('writes each publication to the export directory as well: the same bytes the hub serves, readable by the toolkit', async () => {
    await publish('list-a');
    const id = (await postReport(hub.url, aReport({ page: 'https://rogue.example/' }))).body.id;
    await call(hub.url, '/v1/review/decisions', publisher, {
      method: 'POST',
      body: { action: 'confirm', domain: 'rogue.example', kind: 'suspicious-site', reportIds: [id], listId: 'list-b', category: 'illegal-pharmacy' },
    });
    await publish('list-b');
    await publish('list-b');
    const files = tree(exportDir);
    expect(Object.keys(files).sort()).toEqual([
      'index.json',
      'list-a/latest.json',
      'list-a/latest.json.sig',
      'list-a/v1.json',
      'list-a/v1.json.sig',
      'list-b/delta-1-2.json',
      'list-b/delta-1-2.json.sig',
      'list-b/latest.json',
      'list-b/latest.json.sig',
      'list-b/v1.json',
      'list-b/v1.json.sig',
      'list-b/v2.json',
      'list-b/v2.json.sig',
    ]);
    for (const [path, text] of Object.entries(files)) expect({ path, same: (await (await fetch(`${hub.url}/lists/${path}`)).text()) === text }).toEqual({ path, same: true });
    const held = await loadPublishDirectory(exportDir, [key], new Date());
    expect(held.map((h) => [h.list.id, h.list.version, h.list.entries.map((e) => e.domain)])).toEqual([
      ['list-a', 1, []],
      ['list-b', 2, ['rogue.example']],
    ]);
  });

  it('refuses to export a stored file that does not verify, leaving the directory as it was', async () => {
    await publish('list-a');
    const before = tree(exportDir);
    await db.query(`update published_files set bytes = $1 where path = 'list-a/v1.json'`, [Buffer.from(before['list-a/v1.json']!.replace('List list-a', 'List list-X'))]);
    const failure = await exportLists(db, { dir: exportDir, key, config: hub.config }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(PublishError);
    expect((failure as PublishError).message).toMatch(/^nothing exported: subscribers would refuse list-a\/v1\.json: bad-signature/);
    expect(tree(exportDir)).toEqual(before);
  });

  it('refuses an export directory holding the signing key, the data, or the working directory, and one holding other files', async () => {
    await publish('list-a');
    expect(exportDirProblem(database.dir, hub.config)).toMatch(/would hold the signing key/);
    // A parent of the data directory of its own (the data directory's real parent may also hold the
    // current directory, when a checkout lives in the temporary directory, and is refused for that).
    const parent = mkdtempSync(join(tmpdir(), 'pharmacheck-export-parent-'));
    expect(exportDirProblem(parent, { ...hub.config, signingKeyPath: '/elsewhere/key.json', dataDir: join(parent, 'data') })).toMatch(/would hold the hub's data directory/);
    rmSync(parent, { recursive: true, force: true });
    expect(exportDirProblem(process.cwd(), { ...hub.config, signingKeyPath: '/elsewhere/key.json', dataDir: '/elsewhere/data' })).toMatch(/holds the current directory/);
    expect(exportDirProblem(join(database.dir, 'public'), hub.config)).toBeNull();
    await expect(exportLists(db, { dir: database.dir, key, config: hub.config })).rejects.toMatchObject({ problem: 'unsafe-directory' });

    const someone = mkdtempSync(join(tmpdir(), 'pharmacheck-site-'));
    writeFileSync(join(someone, 'index.html'), '<p>the authority\'s home page</p>');
    await expect(exportLists(db, { dir: someone, key, config: hub.config })).rejects.toThrow(/holds index\.html, which is not part of the publish layout/);
    expect(readFileSync(join(someone, 'index.html'), 'utf8')).toContain('home page');
    rmSync(someone, { recursive: true, force: true });
  });
});

describe('a whole layout', () => {
  it('must hold the layout\'s names only, each file beside its signature', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pharmacheck-layout-'));
    const bytes = new TextEncoder().encode('{}');
    await expect(writeLayout(join(dir, 'out'), new Map([['signing-key.json', bytes]]))).rejects.toThrow(/not a name of the publish layout/);
    const key: PublicKeyFile = { format: 1, algorithm: 'ed25519', keyId: '0123456789abcdef', publicKey: 'A'.repeat(43) + '=' };
    await expect(verifyLayout(new Map([['a/v1.json', bytes]]), key, new Date())).rejects.toThrow(/a\/v1\.json has no signature beside it/);
    await expect(verifyLayout(new Map([['a/v1.json', bytes], ['a/v1.json.sig', bytes]]), key, new Date())).rejects.toThrow(/a\/latest\.json is missing/);
    mkdirSync(join(dir, 'empty'));
    await writeLayout(join(dir, 'empty'), new Map([['index.json', bytes]]));
    expect(readFileSync(join(dir, 'empty', 'index.json'), 'utf8')).toBe('{}');
    rmSync(dir, { recursive: true, force: true });
  });
});
