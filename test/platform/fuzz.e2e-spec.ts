import fc from 'fast-check';
import { TestApp, type TestUser } from '../support/test-app.js';

interface Operation {
  parameters?: Array<{ name: string; in: 'path' | 'query' }>;
  requestBody?: { content?: Record<string, { schema?: { $ref?: string; properties?: Record<string, unknown> } }> };
}
type Doc = { paths: Record<string, Record<string, Operation>>; components?: { schemas?: Record<string, { properties?: Record<string, unknown> }> } };

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
 * and fails on any 5xx. New routes are covered as soon as they are in the document.
 */
describe('fuzzing every route (no 5xx)', () => {
  let t: TestApp;
  let actors: Record<string, TestUser | null>;
  let doc: Doc;

  beforeAll(async () => {
    t = await TestApp.start();
    const w = await t.world();
    const worker = await t.createWorkerUser(w.admin.token, w.enterpriseA);
    // An EAP vendor's API key is an actor too (it reaches only the vendor routes).
    const vendor = await t.http().post('/api/v1/eap/vendors').set('Authorization', `Bearer ${w.admin.token}`).send({ name: 'fuzz vendor', services: ['hotline'] }).expect(201);
    const key = await t.http().post(`/api/v1/eap/vendors/${vendor.body.id}/api-keys`).set('Authorization', `Bearer ${w.admin.token}`).send({ label: 'fuzz' }).expect(201);
    const vendorKey = { id: key.body.id, username: 'vendor', token: key.body.key, orgUnitId: '', workerId: null };
    actors = { anonymous: null, admin: w.admin, counsellor: w.counsellorA, supervisor: w.supervisor, official: w.official, worker, vendor: vendorKey };
    doc = (await t.http().get('/api/docs-json').expect(200)).body as Doc;
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
  }, 300_000);
});

function propertiesOf(doc: Doc, operation: Operation): string[] {
  const schema = operation.requestBody?.content?.['application/json']?.schema;
  if (!schema) return ['name'];
  const resolved = schema.$ref ? doc.components?.schemas?.[schema.$ref.split('/').pop()!] : schema;
  const keys = Object.keys(resolved?.properties ?? {});
  return keys.length > 0 ? keys : ['name'];
}
