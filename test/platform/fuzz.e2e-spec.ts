import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import fc from 'fast-check';
import { everyActor, isEventStream, openApiDocument, propertiesOfSchema, resolve, type Doc, type Operation, type Schema } from '../support/openapi.js';
import { TestApp, type TestUser } from '../support/test-app.js';

const RUNS_PER_ROUTE = Number(process.env.FUZZ_RUNS ?? 15);

/** Values a careless or hostile client sends. */
const anyValue = fc.oneof(
  fc.string(),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.uuid(),
  fc.constantFrom('', ' ', '0', '-1', '9'.repeat(30), '../../etc/passwd', "' OR 1=1 --", '%00', '2026-13-45', '😀'.repeat(50), '<script>'),
  fc.array(fc.string(), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.string(), { maxKeys: 3 }),
);
const pathValue = fc.oneof(fc.uuid(), fc.string({ minLength: 1, maxLength: 40 }).map(encodeURIComponent), fc.constantFrom('0', 'null', '%2e%2e', 'ffffffff-ffff-ffff-ffff-ffffffffffff'));

/**
 * Walks every route of the OpenAPI document as each role with random and malformed bodies, ids and query strings,
 * and fails on any 5xx. New routes are covered as soon as they are in the document. The second test is format-aware:
 * from each DTO's schema it builds a well-formed body and sets one field at a time to the boundaries of its format
 * (impossible calendar dates, 24:00, leap days, ISO 8601 forms outside RFC 3339, huge and negative numbers, unicode
 * and whitespace-only strings), and each query parameter likewise.
 */
describe('fuzzing every route (no 5xx)', () => {
  let t: TestApp;
  let actors: Record<string, TestUser | null>;
  let doc: Doc;

  beforeAll(async () => {
    t = await TestApp.start();
    actors = await everyActor(t);
    doc = await openApiDocument(t);
  });
  afterAll(() => t.close());

  it('never answers 5xx', async () => {
    const failures: string[] = [];
    let requests = 0;
    for (const [path, methods] of Object.entries(doc.paths)) {
      for (const [method, operation] of Object.entries(methods)) {
        const bodyKeys = propertiesOf(doc, operation);
        const queryNames = (operation.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name);
        const input = fc.record({
          path: fc.array(pathValue, { minLength: 4, maxLength: 4 }),
          query: fc.dictionary(fc.constantFrom(...queryNames, 'unknown', 'page'), anyValue.map((v) => (typeof v === 'string' ? v : JSON.stringify(v) ?? '')), { maxKeys: 3 }),
          body: fc.oneof(
            fc.dictionary(fc.constantFrom(...bodyKeys, 'extra', '__proto__', 'constructor'), anyValue, { maxKeys: 6 }),
            anyValue,
          ),
          role: fc.constantFrom(...Object.keys(actors)),
        });
        await fc.assert(
          fc.asyncProperty(input, async ({ path: ids, query, body, role }) => {
            let i = 0;
            const url = path.replace(/\{[^}]+\}/g, () => ids[i++ % ids.length]);
            const actor = actors[role];
            let request = t.http()[method as 'get'](url).query(query);
            if (actor) request = request.set('Authorization', `Bearer ${actor.token}`);
            // An event stream stays open until the token expires: take its status, then hang up.
            if (isEventStream(operation)) request = request.buffer(false).parse((res, done) => {
              done(null, null);
              (res as unknown as IncomingMessage).destroy(); // superagent hands the node response to a parser
            });
            const response = method === 'get' ? await request : await request.set('Content-Type', 'application/json').send(JSON.stringify(body) ?? 'null');
            requests++;
            if (response.status >= 500) failures.push(`${method.toUpperCase()} ${url} as ${role} → ${response.status} ${JSON.stringify(body).slice(0, 200)}`);
            return true;
          }),
          { numRuns: RUNS_PER_ROUTE },
        );
      }
    }
    expect(failures).toEqual([]);
    expect(requests).toBeGreaterThan(50);
  }, 600_000); // every operation of the document × FUZZ_RUNS, one request at a time

  it('never answers 5xx to a well-formed body with one field at a boundary of its format', async () => {
    const failures: string[] = [];
    let requests = 0;
    const staff = [actors.admin, actors.counsellor, actors.supervisor, actors.worker].filter((a): a is TestUser => a !== null);
    for (const [path, methods] of Object.entries(doc.paths)) {
      for (const [method, operation] of Object.entries(methods)) {
        const schema = operation.requestBody?.content?.['application/json']?.schema;
        const queries = (operation.parameters ?? []).filter((p) => p.in === 'query');
        if (!schema && queries.length === 0) continue;
        const url = path.replace(/\{[^}]+\}/g, () => randomUUID());
        const base = schema ? (wellFormed(doc, schema, '', 0) as Record<string, unknown>) : {};
        // Every top-level field of the body and every query parameter, at each boundary of its format.
        const cases: Array<{ body: unknown; query: Record<string, string>; field: string }> = [];
        for (const [field, fieldSchema] of Object.entries(schema ? propertiesOfSchema(doc, schema) : {})) {
          for (const value of boundaries(doc, fieldSchema)) cases.push({ body: { ...base, [field]: value }, query: {}, field });
        }
        for (const q of queries) {
          for (const value of boundaries(doc, q.schema ?? {})) cases.push({ body: base, query: { [q.name]: typeof value === 'string' ? value : JSON.stringify(value) }, field: `?${q.name}` });
        }
        for (const [i, c] of cases.entries()) {
          const actor = staff[i % staff.length];
          const request = t.http()[method as 'get'](url).query(c.query).set('Authorization', `Bearer ${actor.token}`);
          const response = method === 'get' ? await request : await request.set('Content-Type', 'application/json').send(JSON.stringify(c.body));
          requests++;
          if (response.status >= 500) failures.push(`${method.toUpperCase()} ${path} ${c.field}=${JSON.stringify(method === 'get' ? c.query : (c.body as Record<string, unknown>)[c.field]).slice(0, 80)} → ${response.status}`);
        }
      }
    }
    expect(failures).toEqual([]);
    expect(requests).toBeGreaterThan(500);
  }, 600_000);
});

/** Impossible, edge and hostile values for each kind of field (RFC 3339 is the one accepted form of dates and times). */
const AT_BOUNDARY: Record<string, unknown[]> = {
  'date-time': ['2026-02-29T10:00:00Z', '2028-02-29T10:00:00Z', '2026-05-04T24:00:00Z', '2026-13-01T00:00:00Z', '2026-05-04T03Z', '2026-W19-1T10:00:00Z', '20260520T100000Z', '+002026-05-04T10:00:00Z', '2026-05-04T10:00:00,5Z', '9999-12-31T23:59:59Z', '0000-01-01T00:00:00Z', '2026-05-04'],
  date: ['2026-02-29', '2028-02-29', '9999-99-99', '2026-13-01', '2027-00-10', '2026-W10-1', '2026-060', '20260301', '+2026-03-01', '0000-00-00', '2026-03-01T00:00:00Z'],
  time: ['24:00', '23:60', '25:00', '-01:00', '10:00:60', '1000'],
  uuid: ['00000000-0000-0000-0000-000000000000', 'ffffffff-ffff-ffff-ffff-ffffffffffff', 'not-a-uuid'],
  string: ['', '   ', '\u200b\u200b', '\t\n', '\u0000', '😀'.repeat(300), '赵 永 刚', 'x'.repeat(20_000)],
  number: [0, -1, -0.5, 1.5, 1e308, -1e308, 2 ** 31, Number.MAX_SAFE_INTEGER + 2, '12', null],
  integer: [0, -1, 1.5, 2 ** 31, -(2 ** 53), Number.MAX_SAFE_INTEGER + 2, 1e308, '12', null],
  boolean: ['true', 0, null],
  array: [[], [null], Array.from({ length: 2_000 }, () => 'x'), 'x'],
  object: [null, [], 'x', {}],
};

function boundaries(doc: Doc, raw: Schema): unknown[] {
  const schema = resolve(doc, raw);
  const kind = schema.enum ? 'string' : (schema.format && AT_BOUNDARY[schema.format] ? schema.format : schema.type ?? 'object');
  const own = AT_BOUNDARY[kind] ?? AT_BOUNDARY.string;
  // An array of dates or numbers: the item's boundaries inside a well-formed array too.
  const items = schema.type === 'array' && schema.items ? boundaries(doc, schema.items).slice(0, 6).map((v) => [v]) : [];
  return [...own, ...items];
}

/** A body every validator would accept as far as the schema says (required or not, every field filled). */
function wellFormed(doc: Doc, raw: Schema, name: string, depth: number): unknown {
  const schema = resolve(doc, raw);
  if (schema.enum?.length) return schema.enum[0];
  if (schema.format === 'date-time') return '2026-06-01T10:00:00Z';
  if (schema.format === 'date') return '2026-06-01';
  if (schema.format === 'uuid') return randomUUID();
  switch (schema.type) {
    case 'string':
      return /time$/i.test(name) ? '10:00' : `fuzz ${name}`;
    case 'integer':
    case 'number':
      return schema.minimum !== undefined && schema.minimum > 1 ? schema.minimum : 1;
    case 'boolean':
      return true;
    case 'array':
      return schema.items && depth < 3 ? [wellFormed(doc, schema.items, name, depth + 1)] : [];
    default:
      if (depth >= 3) return {};
      return Object.fromEntries(Object.entries(schema.properties ?? {}).map(([key, property]) => [key, wellFormed(doc, property, key, depth + 1)]));
  }
}

function propertiesOf(doc: Doc, operation: Operation): string[] {
  const schema = operation.requestBody?.content?.['application/json']?.schema;
  if (!schema) return ['name'];
  const resolved = schema.$ref ? doc.components?.schemas?.[schema.$ref.split('/').pop()!] : schema;
  const keys = Object.keys(resolved?.properties ?? {});
  return keys.length > 0 ? keys : ['name'];
}
