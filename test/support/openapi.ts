import type { TestApp, TestUser } from './test-app.js';

/** The parts of the OpenAPI document the route-walking tests read. */
export interface Schema {
  type?: string;
  format?: string;
  enum?: unknown[];
  items?: Schema;
  $ref?: string;
  properties?: Record<string, Schema>;
  required?: string[];
  minimum?: number;
  allOf?: Schema[];
  oneOf?: Schema[];
}
export interface Operation {
  responses?: Record<string, { content?: Record<string, unknown> }>;
  parameters?: Array<{ name: string; in: 'path' | 'query'; schema?: Schema }>;
  requestBody?: { content?: Record<string, { schema?: Schema }> };
}
export type Doc = { paths: Record<string, Record<string, Operation>>; components?: { schemas?: Record<string, Schema> } };

export async function openApiDocument(t: TestApp): Promise<Doc> {
  return (await t.http().get('/api/docs-json').expect(200)).body as Doc;
}

/** A schema with its `$ref`, `allOf` and `oneOf` followed to the first concrete one. */
export function resolve(doc: Doc, schema: Schema): Schema {
  if (schema.$ref) return resolve(doc, doc.components?.schemas?.[schema.$ref.split('/').pop()!] ?? {});
  if (schema.allOf?.length) return resolve(doc, schema.allOf[0]);
  if (schema.oneOf?.length) return resolve(doc, schema.oneOf[0]);
  return schema;
}

export function propertiesOfSchema(doc: Doc, schema: Schema): Record<string, Schema> {
  return resolve(doc, schema).properties ?? {};
}

export function isEventStream(operation: Operation): boolean {
  return Object.values(operation.responses ?? {}).some((response) => 'text/event-stream' in (response.content ?? {}));
}

/** Every kind of caller: each role of a small world, a signed-in worker and an EAP vendor's API key (null: anonymous). */
export async function everyActor(t: TestApp): Promise<Record<string, TestUser | null>> {
  const w = await t.world();
  const worker = await t.createWorkerUser(w.admin.token, w.enterpriseA);
  const vendor = await t.http().post('/api/v1/eap/vendors').set('Authorization', `Bearer ${w.admin.token}`).send({ name: 'route-walk vendor', services: ['hotline'] }).expect(201);
  const key = await t.http().post(`/api/v1/eap/vendors/${vendor.body.id}/api-keys`).set('Authorization', `Bearer ${w.admin.token}`).send({ label: 'route walk' }).expect(201);
  const vendorKey = { id: key.body.id as string, username: 'vendor', token: key.body.key as string, orgUnitId: '', workerId: null };
  return { anonymous: null, admin: w.admin, counsellor: w.counsellorA, supervisor: w.supervisor, official: w.official, worker, vendor: vendorKey };
}
