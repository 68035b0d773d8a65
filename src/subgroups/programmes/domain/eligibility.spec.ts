import { createRequire } from 'node:module';
import type BetterSqlite3 from 'better-sqlite3';
import { DomainError } from '../../../platform/errors/domain-error.js';
import { campaignFiltersOf, parseRule, requiresSensitive, type EligibilityRule } from './eligibility-rule.js';
import { eligibilityCondition, eligibleWorkers, subtreeCondition } from './eligibility-sql.js';

function refusal(raw: unknown): DomainError {
  try {
    parseRule(raw);
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('eligibility rule: parsing', () => {
  it('keeps the facts given, deduplicated, and nothing else', () => {
    expect(parseRule({ gender: ['female', 'female'], lifeEvents: ['pregnancy'], birthYearFrom: 1980 })).toEqual({
      gender: ['female'],
      lifeEvents: ['pregnancy'],
      birthYearFrom: 1980,
    });
    expect(parseRule({})).toEqual({});
  });

  it.each([
    [null, 'RULE_NOT_AN_OBJECT'],
    [[], 'RULE_NOT_AN_OBJECT'],
    ['gender=female', 'RULE_NOT_AN_OBJECT'],
    [{ salary: ['high'] }, 'RULE_UNKNOWN_FACT'],
    [{ gender: ['female'], department: 'x' }, 'RULE_UNKNOWN_FACT'],
    [{ gender: 'female' }, 'RULE_NOT_A_LIST'],
    [{ gender: [] }, 'RULE_EMPTY_LIST'],
    [{ lifeEvents: [] }, 'RULE_EMPTY_LIST'],
    [{ gender: ['woman'] }, 'RULE_INVALID_VALUE'],
    [{ specialPost: ['shift', 7] }, 'RULE_INVALID_VALUE'],
    [{ employmentStatus: ['fired'] }, 'RULE_INVALID_VALUE'],
    [{ birthYearFrom: '1980' }, 'RULE_BIRTH_YEAR_INVALID'],
    [{ birthYearFrom: 1980.5 }, 'RULE_BIRTH_YEAR_INVALID'],
    [{ birthYearTo: 1899 }, 'RULE_BIRTH_YEAR_INVALID'],
    [{ birthYearFrom: 1991, birthYearTo: 1990 }, 'RULE_BIRTH_YEARS_REVERSED'],
  ])('refuses %j with 400 %s', (raw, code) => {
    const error = refusal(raw);
    expect(error.status).toBe(400);
    expect(error.code).toBe(code);
    expect(error.zh.length).toBeGreaterThan(0);
    expect(error.en.length).toBeGreaterThan(0);
  });

  it('names the unknown fact', () => {
    expect(refusal({ salary: ['high'] }).details).toMatchObject({ fact: 'salary' });
  });

  it('accepts a one-year range (from = to)', () => {
    expect(parseRule({ birthYearFrom: 1990, birthYearTo: 1990 })).toEqual({ birthYearFrom: 1990, birthYearTo: 1990 });
  });

  it('calls a rule over life events or redundancy sensitive', () => {
    expect(requiresSensitive({ lifeEvents: ['returned_from_maternity'] })).toBe(true);
    expect(requiresSensitive({ employmentStatus: ['transferring', 'redundancy'] })).toBe(true);
    expect(requiresSensitive({ employmentStatus: ['retiring'], specialPost: ['shift'] })).toBe(false);
    expect(requiresSensitive({})).toBe(false);
  });

  it('gives campaigns every fact but life events (which campaign filters cannot express)', () => {
    const rule: EligibilityRule = { gender: ['female'], lifeEvents: ['pregnancy'], birthYearTo: 1995 };
    expect(campaignFiltersOf(rule)).toEqual({ gender: ['female'], birthYearTo: 1995 });
    expect(rule.lifeEvents).toEqual(['pregnancy']);
  });
});

describe('eligibility rule: SQL', () => {
  it('builds a parameterised condition, one clause per fact, never splicing values', () => {
    const { sql, params } = eligibilityCondition({ gender: ['female'], specialPost: ['shift', 'hazardous'], birthYearFrom: 1980, birthYearTo: 1990 }, 'sqlite');
    expect(sql).toBe('(NOT w.erased) AND (w.gender IN (:...elig_gender)) AND (w.special_post IN (:...elig_specialPost)) AND (w.birth_year >= :elig_birthYearFrom) AND (w.birth_year <= :elig_birthYearTo)');
    expect(params).toEqual({ elig_gender: ['female'], elig_specialPost: ['shift', 'hazardous'], elig_birthYearFrom: 1980, elig_birthYearTo: 1990 });
  });

  it('tests life events with jsonb ?| on PostgreSQL and json_each on SQLite', () => {
    const pg = eligibilityCondition({ lifeEvents: ['pregnancy', 'returned_from_maternity'] }, 'postgres');
    expect(pg.sql).toContain('w.life_events ?| ARRAY[:...elig_lifeEvents]::text[]');
    const lite = eligibilityCondition({ lifeEvents: ['pregnancy', 'returned_from_maternity'] }, 'sqlite');
    expect(lite.sql).toContain('json_each(w.life_events)');
    expect(lite.params.elig_lifeEvents).toEqual(['pregnancy', 'returned_from_maternity']);
  });

  it('scopes to the owner unit subtree by a path prefix parameter', () => {
    expect(subtreeCondition('/root/city/')).toEqual({
      sql: 'w.org_unit_id IN (SELECT elig_unitPath_u.id FROM org_units elig_unitPath_u WHERE elig_unitPath_u.path LIKE :elig_unitPath)',
      params: { elig_unitPath: '/root/city/%' },
    });
  });

  describe('run on SQLite', () => {
    const Database = createRequire(import.meta.url)('better-sqlite3') as typeof BetterSqlite3;
    let db: BetterSqlite3.Database;

    /** The same named-parameter expansion TypeORM's driver does (`:name`, `:...list` → `?`). */
    function run(rule: EligibilityRule, unitPath = '/root/'): string[] {
      const fragment = eligibleWorkers(rule, unitPath, 'sqlite');
      const values: unknown[] = [];
      const sql = fragment.sql.replace(/:(\.\.\.)?([A-Za-z0-9_]+)/g, (_, list: string | undefined, key: string) => {
        const value = fragment.params[key];
        if (list) return (value as unknown[]).map((v) => (values.push(v), '?')).join(', ');
        values.push(value);
        return '?';
      });
      return (db.prepare(`SELECT w.name FROM workers w WHERE ${sql} ORDER BY w.name`).all(...values) as Array<{ name: string }>).map((r) => r.name);
    }

    beforeAll(() => {
      db = new Database(':memory:');
      db.exec(`CREATE TABLE org_units (id TEXT PRIMARY KEY, path TEXT);
        CREATE TABLE workers (id TEXT PRIMARY KEY, name TEXT, org_unit_id TEXT, gender TEXT, birth_year INTEGER, cadre_level TEXT,
          special_post TEXT, employment_status TEXT, life_events TEXT, erased INTEGER);
        INSERT INTO org_units VALUES ('root', '/root/'), ('city', '/root/city/'), ('plant', '/root/city/plant/'), ('other', '/root/other/');`);
      const insert = db.prepare('INSERT INTO workers VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
      const rows: Array<[string, string, string, number | null, string, string, string, string[], number]> = [
        ['an', 'plant', 'female', 1980, 'none', 'shift', 'employed', ['pregnancy'], 0],
        ['bo', 'plant', 'female', 1990, 'none', 'none', 'employed', ['returned_from_maternity', 'caregiver'], 0],
        ['cai', 'city', 'male', 1979, 'division', 'hazardous', 'redundancy', [], 0],
        ['du', 'other', 'female', 1985, 'none', 'shift', 'employed', ['pregnancy'], 0],
        ['en', 'plant', 'female', null, 'none', 'shift', 'transferring', ['maternity_leave'], 0],
        ['fu', 'plant', 'female', 1991, 'section', 'shift', 'retiring', ['pregnancy'], 1],
      ];
      for (const [name, unit, gender, year, cadre, post, status, events, erased] of rows) {
        insert.run(name, name, unit, gender, year, cadre, post, status, JSON.stringify(events), erased);
      }
    });
    afterAll(() => db.close());

    it('matches everyone of the subtree for an empty rule, never the erased or another subtree', () => {
      expect(run({}, '/root/city/')).toEqual(['an', 'bo', 'cai', 'en']);
      expect(run({}, '/root/city/plant/')).toEqual(['an', 'bo', 'en']);
      expect(run({})).toEqual(['an', 'bo', 'cai', 'du', 'en']);
    });

    it('reads life events as any-of over the JSON array, matching whole values', () => {
      expect(run({ lifeEvents: ['pregnancy'] })).toEqual(['an', 'du']);
      expect(run({ lifeEvents: ['pregnancy', 'returned_from_maternity'] })).toEqual(['an', 'bo', 'du']);
      // "maternity_leave" is a substring of nothing listed, and "returned_from_maternity" does not match "maternity_leave".
      expect(run({ lifeEvents: ['maternity_leave'] })).toEqual(['en']);
      expect(run({ lifeEvents: ['bereavement'] })).toEqual([]);
    });

    it('combines facts with AND and lists with OR', () => {
      expect(run({ gender: ['female'], specialPost: ['shift'] })).toEqual(['an', 'du', 'en']);
      expect(run({ gender: ['female'], specialPost: ['shift'], lifeEvents: ['pregnancy'] })).toEqual(['an', 'du']);
      expect(run({ employmentStatus: ['redundancy', 'transferring'] })).toEqual(['cai', 'en']);
      expect(run({ cadreLevel: ['division', 'bureau'] })).toEqual(['cai']);
    });

    it('treats birth-year bounds as inclusive, and an unknown birth year as no match', () => {
      expect(run({ birthYearFrom: 1980 })).toEqual(['an', 'bo', 'du']);
      expect(run({ birthYearFrom: 1981 })).toEqual(['bo', 'du']);
      expect(run({ birthYearTo: 1980 })).toEqual(['an', 'cai']);
      expect(run({ birthYearTo: 1979 })).toEqual(['cai']);
      expect(run({ birthYearFrom: 1980, birthYearTo: 1980 })).toEqual(['an']);
      expect(run({ birthYearFrom: 1980, birthYearTo: 1990 })).toEqual(['an', 'bo', 'du']);
      expect(run({ birthYearFrom: 1981, birthYearTo: 1989 })).toEqual(['du']);
    });
  });
});
