import type { Actor } from '../../platform/auth/actor.js';
import { actorUnitPath, pathUnder, unitAbove, unitAndAncestors, unitUnder } from './org-subtree.js';

const actor = (orgUnitId: string, orgUnitPath?: string): Actor => ({ userId: 'u', username: 'u', role: 'counsellor', orgUnitId, orgUnitPath, workerId: null, ip: null });

describe('the org-subtree rule', () => {
  it('binds the root path as a parameter with the prefix wildcard, never in the SQL', () => {
    const f = unitUnder('c.org_unit_id', '/root/city/', 'scopePath');
    expect(f.sql).toBe('c.org_unit_id IN (SELECT scopePath_u.id FROM org_units scopePath_u WHERE scopePath_u.path LIKE :scopePath)');
    expect(f.params).toEqual({ scopePath: '/root/city/%' });
    expect(pathUnder('u.path', '/root/', 'p').sql).not.toContain('/root/');
  });

  it('refuses a parameter key that could change the statement', () => {
    expect(() => unitUnder('c.org_unit_id', '/root/', "x) OR (1=1")).toThrow('unsafe SQL key');
  });

  it('reads the units above a unit from its path', () => {
    expect(unitAndAncestors('/root/city/ent/')).toEqual(['root', 'city', 'ent']);
    expect(unitAbove('c.org_unit_id', '/root/city/', 'k')).toEqual({ sql: 'c.org_unit_id IN (:...kAbove)', params: { kAbove: ['root', 'city'] } });
  });

  it("trusts the actor's carried path only while it names the actor's unit", () => {
    expect(actorUnitPath(actor('city', '/root/city/'))).toBe('/root/city/');
    // An actor copied with another unit keeps the old path: it must not be used for the new unit.
    expect(actorUnitPath({ ...actor('city', '/root/city/'), orgUnitId: 'ent' })).toBeNull();
    expect(actorUnitPath(actor('city'))).toBeNull();
    expect(actorUnitPath(actor('', '/root/'))).toBeNull();
  });
});
