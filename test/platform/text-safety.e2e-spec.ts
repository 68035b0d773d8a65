import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { everyActor, isEventStream, openApiDocument, propertiesOfSchema, resolve, type Doc, type Operation, type Schema } from '../support/openapi.js';
import { TestApp, type TestUser } from '../support/test-app.js';

const NUL = 'x\u0000y';

/** One body per string field of the schema (nested objects and arrays too), each with a NUL in that field alone. */
function stringFields(doc: Doc, raw: Schema, path: string[], depth: number): Array<{ path: string; body: unknown }> {
  const schema = resolve(doc, raw);
  const wrap = (inner: Array<{ path: string; body: unknown }>, key: string, asArray: boolean) =>
    inner.map(({ path: p, body }) => ({ path: p, body: asArray ? [body] : { [key]: body } }));
  if (schema.type === 'string' || (schema.enum && !schema.type)) return [{ path: path.join('.'), body: NUL }];
  if (depth >= 3) return [];
  if (schema.type === 'array' && schema.items) return wrap(stringFields(doc, schema.items, [...path, '0'], depth + 1), '0', true);
  return Object.entries(propertiesOfSchema(doc, schema)).flatMap(([key, property]) => wrap(stringFields(doc, property, [...path, key], depth + 1), key, false));
}

/**
 * Walks the OpenAPI document and sends a NUL in every string query parameter and every string field of every JSON
 * body (nested ones too): each is a 400 that names the field, on SQLite and PostgreSQL alike (PostgreSQL cannot
 * store NUL in text, which is how a search once answered 500). The rule is one global validation step, so a new
 * route or field is covered the day it is written.
 */
describe('control characters in any text field (400 naming the field)', () => {
  let t: TestApp;
  let actors: Array<TestUser | null>;
  let doc: Doc;

  beforeAll(async () => {
    t = await TestApp.start();
    const all = await everyActor(t);
    actors = [all.admin, all.counsellor, all.supervisor, all.official, all.worker, all.vendor, all.anonymous];
    doc = await openApiDocument(t);
  });
  afterAll(() => t.close());

  const send = (method: string, url: string, operation: Operation, actor: TestUser | null, query: Record<string, string>, body: unknown) => {
    let request = t.http()[method as 'get'](url).query(query);
    if (actor) request = request.set('Authorization', `Bearer ${actor.token}`);
    // Should the rule ever miss a stream's parameter, the stream would stay open: take its status and hang up.
    if (isEventStream(operation)) request = request.buffer(false).parse((res, done) => { done(null, null); (res as unknown as IncomingMessage).destroy(); });
    return body === undefined ? request : request.set('Content-Type', 'application/json').send(JSON.stringify(body));
  };

  it('refuses a NUL in every string query parameter and body field', async () => {
    const failures: string[] = [];
    let checked = 0;
    for (const [path, methods] of Object.entries(doc.paths)) {
      for (const [method, operation] of Object.entries(methods)) {
        const url = path.replace(/\{[^}]+\}/g, () => randomUUID());
        const schema = operation.requestBody?.content?.['application/json']?.schema;
        const cases = [
          ...(operation.parameters ?? [])
            .filter((p) => p.in === 'query' && resolve(doc, p.schema ?? {}).type === 'string')
            .map((p) => ({ field: p.name, query: { [p.name]: NUL }, body: undefined })),
          ...(schema ? stringFields(doc, schema, [], 0) : []).map(({ path: field, body }) => ({ field, query: {}, body })),
        ];
        // The first caller the route lets in (guards run before validation) answers every case of the route.
        let caller: TestUser | null | undefined;
        for (const c of cases) {
          let response: { status: number; body: unknown } | undefined;
          for (const actor of caller === undefined ? actors : [caller]) {
            response = await send(method, url, operation, actor, c.query, c.body);
            if (response.status !== 401 && response.status !== 403) {
              caller = actor;
              break;
            }
          }
          checked++;
          const problems = (response?.body as { problems?: string[] } | null)?.problems ?? [];
          if (response?.status !== 400 || !problems.includes(`${c.field} must not contain control characters / 不能包含控制字符`)) {
            failures.push(`${method.toUpperCase()} ${path} ${c.field} → ${response?.status} ${JSON.stringify(response?.body).slice(0, 160)}`);
          }
        }
      }
    }
    expect(failures).toEqual([]);
    expect(checked).toBeGreaterThan(300);
  }, 600_000);

  it('keeps tabs, line breaks and any Unicode text (a note has paragraphs)', async () => {
    const admin = actors[0]!;
    const name = `单位\t${'😀'}\n第二行`;
    const unit = await t.http().post('/api/v1/org-units').set('Authorization', `Bearer ${admin.token}`).send({ name, parentId: admin.orgUnitId }).expect(201);
    expect(unit.body.name).toBe(name);
    const refused = await t.http().post('/api/v1/org-units').set('Authorization', `Bearer ${admin.token}`).send({ name: 'x\ud800', parentId: admin.orgUnitId }).expect(400);
    expect(refused.body.problems).toEqual(['name must not contain control characters / 不能包含控制字符']);
  });
});
