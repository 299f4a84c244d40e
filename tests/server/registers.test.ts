/**
 * Registers: an allowlist (a register's authorised online pharmacies) is imported from the CSV the
 * register exports, with the review, audit and signing blocklists have: the import becomes the
 * draft, the audit log records it, a publisher publishes it as a signed list subscribers accept.
 */
import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkDelta, checkList } from '../../lib/lists';
import type { PublicKeyFile } from '../../lib/signing';
import type { Database } from '../../server/src/db';
import { databaseKinds, type TestDatabase } from './support/databases';
import { startTestHub, type TestHub } from './support/hub';
import { aReport, postReport } from './support/reports';
import { bearer, call, tokenFor } from './support/tokens';

const REGISTER = {
  meta: {
    id: 'fr-register',
    name: 'Registre des pharmacies en ligne',
    publisher: { name: 'Ordre des pharmaciens (test)', type: 'register', country: 'FR' },
    kind: 'allow',
  },
  validityDays: 30,
};

const EXPORT_1 = [
  'Raison sociale;Site internet;N° d\'autorisation;Date d\'enregistrement',
  'Pharmacie du Centre;https://www.pharmacie-centre.example/;FR-001;15/01/2020',
  'Pharmacie de la Gare;pharmacie-gare.example;FR-002;2021-06-30',
  'Grande Pharmacie;grande-pharmacie.example;FR-003;01.02.2022',
].join('\n');

const EXPORT_2 = [
  'Raison sociale;Site internet;N° d\'autorisation;Date d\'enregistrement',
  'Pharmacie du Centre;https://www.pharmacie-centre.example/;FR-001;15/01/2020',
  'Pharmacie de la Gare (nouveau nom);pharmacie-gare.example;FR-002;2021-06-30',
  'Nouvelle Pharmacie;nouvelle-pharmacie.example;FR-004;2023-03-03',
].join('\n');

describe.each(databaseKinds)('registers on $name', (kind) => {
  let database: TestDatabase;
  let db: Database;
  let hub: TestHub;
  let publisher: string;

  beforeEach(async () => {
    database = await kind.create();
    db = await database.open();
    hub = await startTestHub(database, db);
    publisher = await tokenFor(db, 'publisher', 'Paula Publisher');
    expect((await call(hub.url, '/v1/lists/fr-register', publisher, { method: 'PUT', body: REGISTER })).status).toBe(201);
  });
  afterEach(async () => {
    await hub.close();
    await db.close();
    await database.dispose();
  });

  const upload = async (csv: string, query = '', token = publisher, type = 'text/csv; charset=utf-8') => {
    const response = await fetch(`${hub.url}/v1/lists/fr-register/register${query}`, { method: 'POST', headers: { ...bearer(token), 'content-type': type }, body: csv });
    return { status: response.status, body: (await response.json()) as any };
  };
  const draft = async () => (await call(hub.url, '/v1/review/lists/fr-register/draft', publisher)).body.entries as any[];
  const publish = () => call(hub.url, '/v1/lists/fr-register/publish', publisher, { method: 'POST', body: {} });
  const served = async (path: string) => new TextEncoder().encode(await (await fetch(`${hub.url}/lists/${path}`)).text());
  const text = async (path: string) => (await fetch(`${hub.url}/lists/${path}`)).text();

  it('imports the export into the draft, records it in the audit log, and publishes it as a signed allowlist', async () => {
    const imported = await upload(EXPORT_1);
    expect(imported.status).toBe(200);
    expect(imported.body).toMatchObject({ listId: 'fr-register', entries: 3, added: 3, removed: 0, changed: 0, unchanged: 0, skipped: [], delimiter: ';', encoding: 'utf-8' });
    expect((await draft()).map((e) => [e.domain, e.category, e.added, e.reference, e.note])).toEqual([
      ['grande-pharmacie.example', 'authorised-pharmacy', '2022-02-01', 'FR-003', 'Grande Pharmacie'],
      ['pharmacie-centre.example', 'authorised-pharmacy', '2020-01-15', 'FR-001', 'Pharmacie du Centre'],
      ['pharmacie-gare.example', 'authorised-pharmacy', '2021-06-30', 'FR-002', 'Pharmacie de la Gare'],
    ]);
    const audit = (await call(hub.url, '/v1/review/audit', publisher)).body.entries;
    expect(audit[0]).toMatchObject({
      action: 'import-register',
      subject: 'fr-register',
      actor: expect.stringContaining('Paula Publisher'),
      details: { entries: 3, added: 3, removed: 0, sha256: createHash('sha256').update(EXPORT_1).digest('hex') },
    });

    expect((await publish()).body).toMatchObject({ version: 1, entryCount: 3 });
    const key = (await fetch(`${hub.url}/v1/public-key`).then((r) => r.json())) as PublicKeyFile;
    const list = await checkList(await served('fr-register/v1.json'), await text('fr-register/v1.json.sig'), { id: 'fr-register', key, currentVersion: null, now: new Date() });
    expect(list).toMatchObject({ kind: 'allow', publisher: REGISTER.meta.publisher });
    expect(list.entries[1]).toEqual({
      domain: 'pharmacie-centre.example',
      category: 'authorised-pharmacy',
      added: '2020-01-15',
      evidence: { source: 'Ordre des pharmaciens (test)', reference: 'FR-001' },
      note: 'Pharmacie du Centre',
    });
  });

  it('follows the next export exactly: pharmacies added, removed and changed, published as a delta', async () => {
    await upload(EXPORT_1);
    await publish();
    const next = await upload(EXPORT_2);
    expect(next.body).toMatchObject({ entries: 3, added: 1, removed: 1, changed: 1, unchanged: 1 });
    expect((await publish()).body.version).toBe(2);
    const key = (await fetch(`${hub.url}/v1/public-key`).then((r) => r.json())) as PublicKeyFile;
    const delta = await checkDelta(await served('fr-register/delta-1-2.json'), await text('fr-register/delta-1-2.json.sig'), {
      id: 'fr-register',
      key,
      currentVersion: 1,
      now: new Date(),
    });
    // A changed entry is removed and added again (lib/lists delta format).
    expect(delta.remove).toEqual(['grande-pharmacie.example', 'pharmacie-gare.example']);
    expect(delta.add.map((e) => [e.domain, e.note])).toEqual([
      ['nouvelle-pharmacie.example', 'Nouvelle Pharmacie'],
      ['pharmacie-gare.example', 'Pharmacie de la Gare (nouveau nom)'],
    ]);
  });

  it('changes nothing for a file with bad lines, naming each, unless told to skip them', async () => {
    await upload(EXPORT_1);
    const auditBefore = (await call(hub.url, '/v1/review/audit', publisher)).body.entries.length;
    const bad = `${EXPORT_2}\nSuffixe;co.uk;FR-005;2023-01-01\nSans numéro;sans-numero.example;;2023-01-01\n`;
    const refused = await upload(bad);
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({ error: 'invalid-request', message: 'the register export has 2 bad lines; nothing changed' });
    expect(refused.body.issues).toEqual([
      { path: 'line 5', message: 'website: public-suffix: co.uk' },
      { path: 'line 6', message: 'no registration number' },
    ]);
    expect((await draft()).map((e) => e.domain)).toEqual(['grande-pharmacie.example', 'pharmacie-centre.example', 'pharmacie-gare.example']);
    expect((await call(hub.url, '/v1/review/audit', publisher)).body.entries).toHaveLength(auditBefore);

    const skipped = await upload(bad, '?skipBadLines=true');
    expect(skipped.status).toBe(200);
    expect(skipped.body).toMatchObject({ entries: 3, added: 1, removed: 1, skipped: [{ line: 5 }, { line: 6 }] });
    expect((await draft()).map((e) => e.domain)).toEqual(['nouvelle-pharmacie.example', 'pharmacie-centre.example', 'pharmacie-gare.example']);
  });

  it('refuses a file with no usable header even when told to skip, a blocklist, a reviewer, JSON, and decisions on an allowlist', async () => {
    await upload(EXPORT_1);
    expect(await upload('Notes;Comment\nx;y\n', '?skipBadLines=true')).toMatchObject({ status: 400, body: { issues: [{ path: 'line 1' }, { path: 'line 1' }] } });
    expect(await upload('Site;Numéro\n', '?skipBadLines=true')).toMatchObject({ status: 400, body: { issues: [{ path: 'file', message: expect.stringContaining('no pharmacy') }] } });
    const reviewer = await tokenFor(db, 'reviewer');
    expect((await upload(EXPORT_1, '', reviewer)).status).toBe(403);
    expect((await upload(JSON.stringify({ csv: EXPORT_1 }), '', publisher, 'application/json')).status).toBe(415);
    expect((await upload(EXPORT_1, '?skipBadLines=yes')).status).toBe(400);
    const block = { meta: { ...REGISTER.meta, id: 'fr-block', kind: 'block', publisher: { name: 'ANSM (test)', type: 'authority' } }, validityDays: 30 };
    expect((await call(hub.url, '/v1/lists/fr-block', publisher, { method: 'PUT', body: block })).status).toBe(201);
    const intoBlock = await fetch(`${hub.url}/v1/lists/fr-block/register`, { method: 'POST', headers: { ...bearer(publisher), 'content-type': 'text/csv' }, body: EXPORT_1 });
    expect(intoBlock.status).toBe(409);
    const missing = await fetch(`${hub.url}/v1/lists/nowhere/register`, { method: 'POST', headers: { ...bearer(publisher), 'content-type': 'text/csv' }, body: EXPORT_1 });
    expect(missing.status).toBe(404);

    const id = (await postReport(hub.url, aReport({ page: 'https://rogue.example/' }))).body.id;
    const decision = await call(hub.url, '/v1/review/decisions', publisher, {
      method: 'POST',
      body: { action: 'confirm', domain: 'rogue.example', kind: 'suspicious-site', reportIds: [id], listId: 'fr-register', category: 'illegal-pharmacy' },
    });
    expect(decision).toMatchObject({ status: 409, body: { error: 'conflict', message: expect.stringContaining('allowlist') } });
    expect((await draft()).map((e) => e.domain)).not.toContain('rogue.example');
  });
});
