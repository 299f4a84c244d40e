/**
 * A local RDAP service on 127.0.0.1 that answers in the shapes real servers use (RFC 9083, as a
 * gTLD registry and an ICANN registrar answer): a thin registry answer naming the registrar with
 * its IANA id and a `related` link to the registrar's server, which redirects once (as registrars
 * move their RDAP base) and answers with the abuse contact; error bodies with `errorCode`; 429
 * with Retry-After. A test sets what each domain answers and reads the requests it saw.
 */
import { createServer, type Server } from 'node:http';

export type RegistryBehaviour =
  | { kind: 'found'; status?: string[]; registrarLink?: boolean; abuseInRegistry?: boolean }
  | { kind: 'not-found' }
  | { kind: 'rate-limited'; retryAfter: string; times: number }
  | { kind: 'error'; status: number }
  | { kind: 'not-json' }
  | { kind: 'not-a-domain' };

export interface RdapServer {
  readonly url: string;
  readonly requests: string[];
  /** What the registry answers for each domain (not listed: 404). */
  readonly domains: Map<string, RegistryBehaviour>;
  close(): Promise<void>;
}

const RDAP = { 'content-type': 'application/rdap+json' };
const conformance = ['rdap_level_0', 'icann_rdap_technical_implementation_guide_1', 'icann_rdap_response_profile_1'];

function vcard(fn: string, extra: unknown[][] = []): unknown[] {
  return ['vcard', [['version', {}, 'text', '4.0'], ['fn', {}, 'text', fn], ...extra]];
}

function abuseEntity(email: string, tel: string) {
  return { objectClassName: 'entity', roles: ['abuse'], vcardArray: vcard('', [['tel', { type: 'voice' }, 'uri', `tel:${tel}`], ['email', {}, 'text', email]]) };
}

function registryAnswer(base: string, domain: string, b: Extract<RegistryBehaviour, { kind: 'found' }>) {
  const registrar = {
    objectClassName: 'entity',
    handle: '9999',
    roles: ['registrar'],
    publicIds: [{ type: 'IANA Registrar ID', identifier: '9999' }],
    vcardArray: vcard('Example Registrar, Inc.'),
    ...(b.abuseInRegistry ? { entities: [abuseEntity('abuse-desk@registry-view.example', '+1.5555550100')] } : {}),
  };
  return {
    objectClassName: 'domain',
    handle: `${domain.toUpperCase()}-TEST`,
    ldhName: domain.toUpperCase(),
    links: [
      { value: `${base}/registry/domain/${domain}`, rel: 'self', href: `${base}/registry/domain/${domain}`, type: 'application/rdap+json' },
      ...(b.registrarLink === false ? [] : [{ value: `${base}/registrar/domain/${domain}`, rel: 'related', href: `${base}/registrar/domain/${domain}`, type: 'application/rdap+json' }]),
    ],
    status: b.status ?? ['client transfer prohibited'],
    entities: [registrar],
    events: [
      { eventAction: 'registration', eventDate: '2024-11-03T08:12:45Z' },
      { eventAction: 'expiration', eventDate: '2026-11-03T08:12:45Z' },
      { eventAction: 'last update of RDAP database', eventDate: '2025-06-02T09:00:00Z' },
    ],
    secureDNS: { delegationSigned: false },
    nameservers: [{ objectClassName: 'nameserver', ldhName: 'NS1.PARKING.EXAMPLE' }],
    rdapConformance: conformance,
    notices: [{ title: 'Terms of Use', description: ['Service subject to Terms of Use.'], links: [{ href: 'https://registry.example/terms', type: 'text/html' }] }],
  };
}

function registrarAnswer(domain: string, status: string[]) {
  return {
    objectClassName: 'domain',
    ldhName: domain,
    status,
    entities: [
      {
        objectClassName: 'entity',
        handle: '9999',
        roles: ['registrar'],
        publicIds: [{ type: 'IANA Registrar ID', identifier: '9999' }],
        vcardArray: vcard('Example Registrar, Inc.'),
        entities: [abuseEntity('abuse@registrar.example', '+1.5555550123')],
      },
      { objectClassName: 'entity', roles: ['registrant'], remarks: [{ title: 'REDACTED FOR PRIVACY', type: 'object redacted due to authorization' }] },
    ],
    events: [{ eventAction: 'registration', eventDate: '2024-11-03T08:12:45Z' }],
    rdapConformance: conformance,
  };
}

const error = (code: number, title: string) => JSON.stringify({ errorCode: code, title, description: [title], rdapConformance: ['rdap_level_0'] });

export async function startRdapServer(): Promise<RdapServer> {
  const requests: string[] = [];
  const domains = new Map<string, RegistryBehaviour>();
  const limited = new Map<string, number>();
  let base = '';
  const server: Server = createServer((req, res) => {
    const path = req.url ?? '';
    requests.push(path);
    const registry = /^\/registry\/domain\/([^/?]+)$/.exec(path);
    const registrar = /^\/registrar\/domain\/([^/?]+)$/.exec(path);
    const moved = /^\/registrar-v2\/domain\/([^/?]+)$/.exec(path);
    if (registry) {
      const domain = decodeURIComponent(registry[1]!).toLowerCase();
      const b = domains.get(domain) ?? { kind: 'not-found' };
      if (b.kind === 'rate-limited' && (limited.get(domain) ?? 0) < b.times) {
        limited.set(domain, (limited.get(domain) ?? 0) + 1);
        return void res.writeHead(429, { ...RDAP, 'retry-after': b.retryAfter }).end(error(429, 'Too Many Requests'));
      }
      if (b.kind === 'not-found') return void res.writeHead(404, RDAP).end(error(404, 'Not Found'));
      if (b.kind === 'error') return void res.writeHead(b.status, RDAP).end(error(b.status, 'Server Error'));
      if (b.kind === 'not-json') return void res.writeHead(200, { 'content-type': 'text/html' }).end('<html>maintenance</html>');
      if (b.kind === 'not-a-domain') return void res.writeHead(200, RDAP).end(JSON.stringify({ objectClassName: 'entity', handle: 'X' }));
      const found = b.kind === 'found' ? b : { kind: 'found' as const };
      return void res.writeHead(200, RDAP).end(JSON.stringify(registryAnswer(base, domain, found)));
    }
    // The registrar moved its RDAP base: the address the registry links to redirects.
    if (registrar) return void res.writeHead(301, { location: `${base}/registrar-v2/domain/${registrar[1]}` }).end();
    if (moved) {
      const domain = decodeURIComponent(moved[1]!).toLowerCase();
      const b = domains.get(domain);
      const status = b?.kind === 'found' ? (b.status ?? ['client transfer prohibited']) : [];
      return void res.writeHead(200, RDAP).end(JSON.stringify(registrarAnswer(domain, status)));
    }
    res.writeHead(400, RDAP).end(error(400, 'Bad Request'));
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  return {
    url: base,
    requests,
    domains,
    close: () => {
      server.closeAllConnections();
      return new Promise((done) => server.close(() => done()));
    },
  };
}

/** A bootstrap file (IANA's format) sending `.example` and `.test` to the local registry. */
export function testBootstrap(server: RdapServer, publication = new Date().toISOString().replace(/\.\d+Z$/, 'Z')) {
  return { description: 'test', publication, version: '1.0', services: [[['example', 'test'], [`${server.url}/registry/`]]] };
}
