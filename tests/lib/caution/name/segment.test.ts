import { describe, expect, it } from 'vitest';
import { brandIndex, type BrandsData } from '../../../../lib/caution/name';
import { segment } from '../../../../lib/caution/name/segment';

const data: BrandsData = {
  format: 1,
  brands: [
    { name: 'Well', domain: 'well.example', kind: 'pharmacy' },
    { name: 'Walgreens', domain: 'walgreens.com', kind: 'pharmacy' },
    { name: 'CVS', domain: 'cvs.com', kind: 'pharmacy' },
  ],
  labels: [
    ['well', 0, 'c', 0],
    ['walgreens', 1, 'd', 2],
    ['cvs', 2, 'd', 0],
  ],
  allow: [],
  notTypos: [],
};
const index = brandIndex(data);
const brandsIn = (label: string) => segment(label, index, 4).brands.map((b) => `${b.entry.label}${b.pharmacyWord ? '+rx' : ''}`);

describe('segment', () => {
  it('finds a brand with words around it, hyphens or not', () => {
    expect(brandsIn('cvs-pharmacy')).toEqual(['cvs+rx']);
    expect(brandsIn('cvspharmacy')).toEqual(['cvs+rx']);
    expect(brandsIn('walgreens-online-shop')).toEqual(['walgreens']);
    expect(brandsIn('buy-walgreens24')).toEqual(['walgreens']);
  });

  it('needs every other part of the label to be a word or digits', () => {
    expect(brandsIn('buy-wellbutrin')).toEqual([]);
    expect(brandsIn('wellness-blog')).toEqual([]);
    expect(brandsIn('walgreens-fan-club')).toEqual([]);
  });

  it('does not count the brand alone as brand plus words', () => {
    expect(brandsIn('walgreens')).toEqual([]);
  });

  it('takes words of two letters only between hyphens, digits or ends, except rx and my', () => {
    expect(brandsIn('walgreens-uk')).toEqual(['walgreens']);
    expect(brandsIn('walgreensuk')).toEqual([]);
    expect(brandsIn('walgreensrx')).toEqual(['walgreens+rx']);
    expect(brandsIn('mycvs-rx')).toEqual(['cvs+rx']);
  });

  it('gives the stretches left once words are taken off the ends, never starting inside a word', () => {
    expect(segment('cheap-walgren-rx', index, 4).cores).toContain('walgren');
    expect(segment('pharmacydiscounter', index, 4).cores).not.toContain('acydiscounter');
  });
});
