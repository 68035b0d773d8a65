import { Cube, flatDimension } from './cube.js';

describe('Cube', () => {
  const dims = [flatDimension('gender', ['female', 'male']), flatDimension('category', ['yes', 'no'])];
  const facts = [
    { leaves: ['female', 'yes'], n: 20 },
    { leaves: ['female', 'no'], n: 15 },
    { leaves: ['male', 'yes'], n: 12 },
    { leaves: ['male', 'no'], n: 2 },
  ];

  it('adds every fact into its leaves and all their composites', () => {
    const cube = new Cube(dims, facts).suppress(5);
    expect(cube.cell({ gender: 'female' })).toEqual({ count: 35, suppressed: false });
    expect(cube.cell({ category: 'yes' })).toEqual({ count: 32, suppressed: false });
    expect(cube.cell({})).toEqual({ count: 49, suppressed: false });
  });

  it('withholds the small cell and complements in both its row and its column', () => {
    const cube = new Cube(dims, facts).suppress(10);
    expect(cube.cell({ gender: 'male', category: 'no' }).suppressed).toBe(true);
    expect(cube.cell({ gender: 'male', category: 'yes' }).suppressed).toBe(true);
    expect(cube.cell({ gender: 'female', category: 'no' }).suppressed).toBe(true);
    expect(cube.cell({}).suppressed).toBe(false);
  });

  it('refuses a value it does not have', () => {
    expect(() => new Cube(dims, [{ leaves: ['robot', 'yes'], n: 1 }])).toThrow(/unknown gender/);
  });

  it('handles composites of composites (a subtree of subtrees)', () => {
    const units = {
      name: 'unit',
      values: [{ code: 'a' }, { code: 'b' }, { code: 'c' }, { code: 'ab', members: ['a', 'b'] }, { code: 'all', members: ['ab', 'c'] }],
    };
    const cube = new Cube([units], [{ leaves: ['a'], n: 11 }, { leaves: ['b'], n: 12 }, { leaves: ['c'], n: 13 }]).suppress(10);
    expect(cube.cell({ unit: 'all' }).count).toBe(36);
    expect(cube.cell({ unit: 'ab' }).count).toBe(23);
  });
});
