/** A blocklist as an RPZ zone, a hosts file and Adblock-style filters: what each holds, and what it leaves out. */
import { describe, expect, it } from 'vitest';
import { exportList, toAdblock, toHosts, toRpz, zoneName } from '../../../lib/resolver-formats';
import { entry, makeAllowList, makeList } from '../lists/fixtures';

const list = makeList({
  name: 'Test list\nwith a line break',
  version: 7,
  entries: [entry('rogue.example'), entry('pills.example')],
});
const lines = (text: string) => text.split('\n').filter((l) => l && !/^[;#!]/.test(l));

describe('exporting a blocklist for resolvers and filters', () => {
  it('writes an RPZ zone: each name and its wildcard answer NXDOMAIN, the list version as serial', () => {
    const rpz = toRpz(list, { zone: 'fr.rpz.example' });
    expect(lines(rpz.text)).toEqual([
      '$ORIGIN fr.rpz.example.',
      '$TTL 300',
      '@ SOA localhost. hostmaster.localhost. 7 3600 600 604800 300',
      '@ NS localhost.',
      'rogue.example CNAME .',
      '*.rogue.example CNAME .',
      'pills.example CNAME .',
      '*.pills.example CNAME .',
    ]);
    expect(rpz.written).toBe(2);
    // The list's name goes into a comment on one line: a line break cannot add a record.
    expect(rpz.text.split('\n')[0]).toBe('; Test list with a line break: list "test-list" version 7 by Test publisher');
  });

  it('writes a hosts file with each name and its www. name only', () => {
    const hosts = toHosts(list);
    expect(lines(hosts.text)).toEqual(['0.0.0.0 rogue.example', '0.0.0.0 www.rogue.example', '0.0.0.0 pills.example', '0.0.0.0 www.pills.example']);
    expect(hosts.text).toContain('# A hosts file has no wildcard');
  });

  it('writes Adblock-style filters', () => {
    const filters = toAdblock(list);
    expect(filters.text.split('\n')[0]).toBe('[Adblock Plus 2.0]');
    expect(lines(filters.text).slice(1)).toEqual(['||rogue.example^', '||pills.example^']);
    expect(filters.written).toBe(2);
  });

  it('refuses an allowlist, and a zone name that is not a DNS name', () => {
    expect(() => exportList(makeAllowList('register', ['good-pharmacy.example']), 'hosts')).toThrow(/allowlist/);
    for (const bad of ['', 'a..b', '-bad.example', 'bad name.example', 'x'.repeat(64) + '.example', 'evil.example\n@ NS attacker.']) {
      expect(zoneName(bad), bad).toBeNull();
      expect(() => toRpz(list, { zone: bad })).toThrow(/not a zone name/);
    }
    expect(zoneName('RPZ.Example.')).toBe('rpz.example.');
    expect(exportList(list, 'rpz').text).toContain('$ORIGIN test-list.rpz.pharmacheck.');
  });
});
