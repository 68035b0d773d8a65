import { MAX_ERROR, publishCount } from '../../../platform/reporting/cell-key.js';
import { Cube, flatDimension } from './cube.js';

describe('Cube', () => {
  const dims = [flatDimension('gender', ['female', 'male']), flatDimension('category', ['yes', 'no'])];
  const facts = [
    { leaves: ['female', 'yes'], n: 20, key: 1000 },
    { leaves: ['female', 'no'], n: 15, key: 2000 },
    { leaves: ['male', 'yes'], n: 12, key: 3000 },
    { leaves: ['male', 'no'], n: 2, key: 4000 },
  ];

  it('adds every fact, count and key sum, into its leaves and all their composites', () => {
    const cube = new Cube(dims, facts).suppress(5);
    expect(cube.raw({ gender: 'female' })).toEqual({ n: 35, key: 3000 });
    expect(cube.raw({ category: 'yes' })).toEqual({ n: 32, key: 4000 });
    expect(cube.raw({})).toEqual({ n: 49, key: 10000 });
  });

  it('publishes every cell perturbed by its key sum: the same workers give the same number', () => {
    const cube = new Cube(dims, facts).suppress(10);
    const all = cube.cell({});
    expect(all).toEqual(publishCount(49, 10000, 10));
    expect(Math.abs((all.count as number) - 49)).toBeLessThanOrEqual(MAX_ERROR);
    expect(all.exact).toBe(false);
    // The same set of workers (here the total) read again, or from another cube, gets the same value.
    expect(new Cube(dims, facts).suppress(10).cell({ gender: 'all', category: 'all' })).toEqual(all);
  });

  it('withholds cells under k, saying why, without withholding their neighbours', () => {
    const cube = new Cube(dims, facts).suppress(10);
    expect(cube.cell({ gender: 'male', category: 'no' })).toEqual({ count: null, suppressed: true, exact: false, reason: 'fewer_than_k' });
  });

  it('refuses a value it does not have', () => {
    expect(() => new Cube(dims, [{ leaves: ['robot', 'yes'], n: 1, key: 1 }])).toThrow(/unknown gender/);
  });

  it('handles composites of composites (a subtree of subtrees)', () => {
    const units = {
      name: 'unit',
      values: [{ code: 'a' }, { code: 'b' }, { code: 'c' }, { code: 'ab', members: ['a', 'b'] }, { code: 'all', members: ['ab', 'c'] }],
    };
    const cube = new Cube([units], [{ leaves: ['a'], n: 11, key: 5 }, { leaves: ['b'], n: 12, key: 6 }, { leaves: ['c'], n: 13, key: 7 }]).suppress(10);
    expect(cube.raw({ unit: 'all' })).toEqual({ n: 36, key: 18 });
    expect(cube.raw({ unit: 'ab' })).toEqual({ n: 23, key: 11 });
  });
});
