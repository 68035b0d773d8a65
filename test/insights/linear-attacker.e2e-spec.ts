import { determined, LinearAttacker } from '../support/linear-attacker.js';

/** The attacker's numeric core on small systems whose answers are known by hand. */
describe('LinearAttacker', () => {
  it('derives a withheld part from a total and the other parts (exact figures)', () => {
    const a = new LinearAttacker();
    const [above, below, notScreened] = [a.variable('above'), a.variable('below'), a.variable('not')];
    a.constrain([above, below, notScreened], 40, 40); // all
    a.constrain([above], 20, 20);
    a.constrain([below], 11, 11);
    a.propagate();
    expect(a.boundsOf([notScreened])).toEqual([9, 9]);
    expect(determined(a.boundsOf([notScreened]))).toBe(true);
  });

  it('derives cells through chains of equalities that no single line shows (linear algebra)', () => {
    const a = new LinearAttacker();
    const x = [0, 1, 2, 3].map((i) => a.variable(`x${i}`));
    // x0+x1 = 7, x1+x2 = 5, x0+x2 = 6: no line shows a single cell, the three together do; x3 is in none
    a.constrain([x[0], x[1]], 7, 7);
    a.constrain([x[1], x[2]], 5, 5);
    a.constrain([x[0], x[2]], 6, 6);
    a.propagate();
    // x0 = (7 + 6 - 5) / 2 = 4, x1 = 3, x2 = 2
    expect(a.boundsOf([x[0]])).toEqual([4, 4]);
    expect(a.boundsOf([x[2]])).toEqual([2, 2]);
    expect(determined(a.boundsOf([x[3]]))).toBe(false);
  });

  it('uses non-negativity: withheld parts that add up to zero are each zero', () => {
    const a = new LinearAttacker();
    const [p, q, r] = [a.variable('p'), a.variable('q'), a.variable('r')];
    a.constrain([p, q, r], 12, 12);
    a.constrain([r], 12, 12);
    a.propagate();
    expect(a.boundsOf([p])).toEqual([0, 0]);
    expect(a.boundsOf([q, p])).toEqual([0, 0]);
  });

  it('learns nothing exact from perturbed figures whose error bound it knows, unless the bounds meet', () => {
    const a = new LinearAttacker();
    const [m, w] = [a.variable('men'), a.variable('women')];
    a.constrain([m, w], 13 - 2, 13 + 2); // total 13, perturbed by at most 2
    a.constrain([w], 12 - 2, 12 + 2);
    a.constrain([m], 0, 9); // withheld: fewer than k = 10
    a.propagate();
    expect(determined(a.boundsOf([m]))).toBe(false);
    expect(a.boundsOf([m])).toEqual([0, 5]);
    // The same with a row that pins the bound: total ≤ 10 and women ≥ 10 ⇒ men = 0.
    const b = new LinearAttacker();
    const [m2, w2] = [b.variable('men'), b.variable('women')];
    b.constrain([m2, w2], 0, 10);
    b.constrain([w2], 10, Infinity);
    b.propagate();
    expect(b.boundsOf([m2])).toEqual([0, 0]);
  });

  it('reports figures that contradict each other (a stated bound that does not hold)', () => {
    const a = new LinearAttacker();
    const [x, y] = [a.variable('x'), a.variable('y')];
    a.constrain([x, y], 5, 5);
    a.constrain([x], 7, 9);
    expect(() => a.propagate()).toThrow(/contradict/);
  });
});
