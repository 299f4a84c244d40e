import { describe, expect, it } from 'vitest';
import { hostFromUrl } from '../../../lib/domain';
import { withCaution, type Verdict, type VerdictKind } from '../../../lib/verdict';

const verdict = (kind: VerdictKind): Verdict => ({ kind, host: hostFromUrl('https://shop.example/')!, hits: [] });

describe('withCaution', () => {
  it('turns an unknown verdict into caution when the signals say caution or strong', () => {
    expect(withCaution(verdict('unknown'), 'caution').kind).toBe('caution');
    expect(withCaution(verdict('unknown'), 'strong').kind).toBe('caution');
  });

  it.each<'none' | null>(['none', null])('leaves an unknown verdict alone when the signals say %s', (level) => {
    expect(withCaution(verdict('unknown'), level).kind).toBe('unknown');
  });

  it.each<VerdictKind>(['listed', 'verified'])('never changes a list verdict (%s): a list always wins', (kind) => {
    expect(withCaution(verdict(kind), 'strong').kind).toBe(kind);
  });
});
