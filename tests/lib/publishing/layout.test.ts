import { describe, expect, it } from 'vitest';
import { isImmutable, layoutFile } from '../../../lib/publishing';

describe('the names of the publish layout', () => {
  it.each([
    ['index.json', { kind: 'index' }],
    ['fr-list/latest.json', { kind: 'latest', id: 'fr-list', signature: false }],
    ['fr-list/latest.json.sig', { kind: 'latest', id: 'fr-list', signature: true }],
    ['fr-list/v12.json', { kind: 'list', id: 'fr-list', version: 12, signature: false }],
    ['fr-list/delta-3-12.json.sig', { kind: 'delta', id: 'fr-list', from: 3, to: 12, signature: true }],
  ])('reads %s', (path, file) => {
    expect(layoutFile(path)).toEqual(file);
  });

  it.each([
    'signing-key.json',
    'pgdata/PG_VERSION',
    'fr-list/../signing-key.json',
    'fr-list/v0.json',
    'fr-list/v01.json',
    'fr-list/V1.json',
    'fr-list/v1.json.tmp',
    'fr-list/.v1.json',
    'fr-list/delta-5-5.json',
    'fr-list/delta-6-5.json',
    'fr-list/nope.json',
    'index.json.sig',
    'Fr-List/v1.json',
    '-list/v1.json',
    'fr-list/sub/v1.json',
    '/fr-list/v1.json',
    '',
  ])('refuses %s', (path) => {
    expect(layoutFile(path)).toBeNull();
  });

  it('calls a version and its deltas immutable, and latest.json and index.json not', () => {
    const immutable = (path: string) => isImmutable(layoutFile(path)!);
    expect([immutable('a/v1.json'), immutable('a/v1.json.sig'), immutable('a/delta-1-2.json')]).toEqual([true, true, true]);
    expect([immutable('a/latest.json'), immutable('a/latest.json.sig'), immutable('index.json')]).toEqual([false, false, false]);
  });
});
