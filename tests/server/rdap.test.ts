/**
 * RDAP: the bootstrap finds the registry's server for a TLD; the client asks the registry, follows
 * its link (and the registrar's redirect) to the registrar's own answer for the abuse contact,
 * and names every way it can fail: unknown domain, server errors, rate limits, answers that are
 * not RDAP. Against a local RDAP server on 127.0.0.1 that answers in real servers' shapes.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { bootstrapSchema, BUNDLED, rdapServers, type Bootstrap } from '../../server/src/rdap/bootstrap';
import { lookupDomain, retryAfterSeconds, type RdapDeps } from '../../server/src/rdap/client';
import { isSuspended, normalStatus } from '../../server/src/rdap/parse';
import { startRdapServer, testBootstrap, type RdapServer } from './support/rdap-server';

let rdap: RdapServer;
let deps: RdapDeps;
const slept: number[] = [];

beforeAll(async () => {
  rdap = await startRdapServer();
  const bootstrap: Bootstrap = { file: bootstrapSchema.parse(testBootstrap(rdap)), source: 'test', fetchedAt: null };
  deps = {
    bootstrap,
    fetch: { policy: { allow: ['127.0.0.1/32'] }, timeoutMs: 5000 },
    maxRetryAfterMs: 2000,
    sleep: async (ms) => void slept.push(ms),
    now: () => new Date('2025-06-10T12:00:00Z'),
  };
});
afterAll(() => rdap.close());
beforeEach(() => {
  rdap.requests.length = 0;
  rdap.domains.clear();
  slept.length = 0;
});

describe('the RDAP bootstrap', () => {
  it('finds the registry of a TLD in the bundled IANA file, the longest suffix winning, https first', () => {
    expect(rdapServers('shop.rogue.com', BUNDLED.file)[0]).toMatch(/^https:\/\/.*verisign.*\/com\/v1\/$/);
    const file = bootstrapSchema.parse({ publication: '2025-01-01T00:00:00Z', services: [[['uk'], ['https://uk.example/']], [['co.uk'], ['http://co-uk.example', 'https://co-uk.example/rdap']]] });
    expect(rdapServers('a.co.uk', file)).toEqual(['https://co-uk.example/rdap/', 'http://co-uk.example/']);
    expect(rdapServers('a.org.uk', file)).toEqual(['https://uk.example/']);
    expect(rdapServers('a.fr', file)).toEqual([]);
  });

  it('refuses a file that is not a bootstrap file', () => {
    for (const bad of [{}, { publication: 'yesterday', services: [[['com'], ['https://x.example/']]] }, { publication: '2025-01-01T00:00:00Z', services: [] }, { publication: '2025-01-01T00:00:00Z', services: [[['com'], ['javascript:alert(1)']]] }]) {
      expect(bootstrapSchema.safeParse(bad).success).toBe(false);
    }
  });
});

describe('asking RDAP about a domain', () => {
  it('takes the registrar from the registry and its abuse contact from the registrar’s server, after its redirect', async () => {
    rdap.domains.set('rogue.example', { kind: 'found' });
    const result = await lookupDomain('rogue.example', deps);
    expect(result).toMatchObject({
      outcome: 'found',
      statuses: ['client transfer prohibited'],
      suspended: false,
      abuseFrom: 'registrar',
      registrar: { name: 'Example Registrar, Inc.', ianaId: '9999', abuse: { emails: ['abuse@registrar.example'], phones: ['+1.5555550123'] } },
    });
    expect(result.outcome === 'found' && result.events.map((e) => e.action)).toEqual(['registration', 'expiration', 'last update of RDAP database']);
    expect(rdap.requests).toEqual(['/registry/domain/rogue.example', '/registrar/domain/rogue.example', '/registrar-v2/domain/rogue.example']);
    expect(result.queries[1]!.redirects).toEqual([{ url: `${rdap.url}/registrar/domain/rogue.example`, status: 301, location: `${rdap.url}/registrar-v2/domain/rogue.example` }]);
  });

  it('uses the registry’s abuse contact when there is no registrar link', async () => {
    rdap.domains.set('thin.example', { kind: 'found', registrarLink: false, abuseInRegistry: true });
    const result = await lookupDomain('thin.example', deps);
    expect(result).toMatchObject({ outcome: 'found', abuseFrom: 'registry', registrar: { abuse: { emails: ['abuse-desk@registry-view.example'] } } });
    expect(rdap.requests).toEqual(['/registry/domain/thin.example']);
  });

  it('says a held domain is suspended, whatever the spelling of its status', async () => {
    rdap.domains.set('held.example', { kind: 'found', status: ['client hold', 'client transfer prohibited'] });
    expect(await lookupDomain('held.example', deps)).toMatchObject({ outcome: 'found', suspended: true });
    expect(['clientHold', 'server hold', 'pendingDelete', 'redemption_period'].map((s) => isSuspended([s]))).toEqual([true, true, true, true]);
    expect(isSuspended(['active', 'client transfer prohibited', 'clientDeleteProhibited'])).toBe(false);
    expect(normalStatus('clientTransferProhibited')).toBe('client transfer prohibited');
  });

  it('says a domain the registry does not know is gone', async () => {
    expect(await lookupDomain('deleted.example', deps)).toMatchObject({ outcome: 'gone' });
  });

  it('waits once for a short Retry-After, then asks again', async () => {
    rdap.domains.set('busy.example', { kind: 'rate-limited', retryAfter: '1', times: 1 });
    expect(await lookupDomain('busy.example', deps)).toMatchObject({ outcome: 'found', registrar: { ianaId: '9999' } });
    expect(slept).toEqual([1000]);
    expect(rdap.requests.slice(0, 2)).toEqual(['/registry/domain/busy.example', '/registry/domain/busy.example']);
  });

  it('reports a long Retry-After, or a second 429, without waiting for it', async () => {
    rdap.domains.set('slow.example', { kind: 'rate-limited', retryAfter: '3600', times: 5 });
    expect(await lookupDomain('slow.example', deps)).toMatchObject({ outcome: 'failed', retryAfterSeconds: 3600, problem: expect.stringContaining('rate limited; retry after 3600 s') });
    rdap.domains.set('twice.example', { kind: 'rate-limited', retryAfter: '1', times: 5 });
    expect(await lookupDomain('twice.example', deps)).toMatchObject({ outcome: 'failed', problem: expect.stringContaining('rate limited') });
    expect(slept).toEqual([1000]);
    expect(retryAfterSeconds('Tue, 10 Jun 2025 12:01:00 GMT', new Date('2025-06-10T12:00:00Z'))).toBe(60);
    expect(retryAfterSeconds('soon', new Date())).toBeNull();
  });

  it('names server errors, answers that are not JSON and answers that are not a domain', async () => {
    rdap.domains.set('error.example', { kind: 'error', status: 503 });
    rdap.domains.set('html.example', { kind: 'not-json' });
    rdap.domains.set('entity.example', { kind: 'not-a-domain' });
    expect(await lookupDomain('error.example', deps)).toMatchObject({ outcome: 'failed', problem: expect.stringContaining('answered 503') });
    expect(await lookupDomain('html.example', deps)).toMatchObject({ outcome: 'failed', problem: expect.stringContaining('not a JSON answer') });
    expect(await lookupDomain('entity.example', deps)).toMatchObject({ outcome: 'failed', problem: expect.stringContaining('not an RDAP domain answer') });
  });

  it('says when the bootstrap has no server for the TLD, and never guesses one', async () => {
    const result = await lookupDomain('rogue.fr', deps);
    expect(result).toMatchObject({ outcome: 'failed', problem: expect.stringContaining('no RDAP server for .fr') });
    expect(rdap.requests).toEqual([]);
  });

  it('refuses an RDAP server on a forbidden address like any other fetch', async () => {
    rdap.domains.set('rogue.example', { kind: 'found' });
    const result = await lookupDomain('rogue.example', { ...deps, fetch: { ...deps.fetch, policy: {} } });
    expect(result).toMatchObject({ outcome: 'failed', problem: expect.stringContaining('loopback') });
    expect(rdap.requests).toEqual([]);
  });
});
