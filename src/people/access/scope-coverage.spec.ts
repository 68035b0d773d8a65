import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

/**
 * Access in the query (CONVENTIONS §11), checked over the source: every function that serves an actor and reads a
 * table with a `worker_id` column must bring that actor to the scoped query factory (AccessScope) or to a module's
 * access helper built on it (`require…`, `where…`, `visible…`), or read the actor's own rows (`actor.workerId`,
 * `actor.vendorId`). A service method that queries such a table with an actor in hand and none of these fails here.
 * The worker-linked tables are found from the entities, so a new table is covered the day it is written.
 */
const SRC = join(process.cwd(), 'src');

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return files(path);
    return e.name.endsWith('.ts') && !e.name.endsWith('.spec.ts') && !e.name.endsWith('.d.ts') ? [path] : [];
  });
}

const all = files(SRC);

/** Entity class names and table names of every entity with a `worker_id` column. */
function workerLinked(): { classes: Set<string>; tables: Set<string> } {
  const classes = new Set<string>();
  const tables = new Set<string>(['workers']);
  for (const file of all.filter((f) => f.endsWith('.entity.ts'))) {
    const text = readFileSync(file, 'utf8');
    if (!/name: 'worker_id'/.test(text)) continue;
    const table = /@Entity\('([a-z_]+)'/.exec(text)?.[1];
    const cls = /export class (\w+)/.exec(text)?.[1];
    if (table) tables.add(table);
    if (cls) classes.add(cls);
  }
  classes.add('Worker');
  return { classes, tables };
}

const READS = new Set(['getRepository', 'createQueryBuilder', 'find', 'findOne', 'findOneBy', 'findBy', 'findOneOrFail', 'findOneByOrFail', 'findAndCount', 'count', 'countBy', 'exists', 'existsBy']);
/** Access steps: the factory's own methods and the modules' helpers built on it, when given the actor. */
const ACCESS_STEP = /^(require|where|visible|scoped|inScope|query|workerScope|unitScope|unitInLineScope|unitsAbove|ownWorkerId|loadViewer)/;
/**
 * The audit log (searched by root administrators only, `requireRootAdmin`, over the whole tree) and the webhook
 * outbox (machinery, never listed by worker): not reads to scope.
 */
const NOT_READS = new Set(['audit_events', 'AuditEvent', 'eap_webhook_messages', 'EapWebhookMessage']);

export interface Bypass {
  file: string;
  fn: string;
  reads: string;
}

export function bypasses(sources: Array<{ file: string; text: string }>, linked = workerLinked()): Bypass[] {
  const found: Bypass[] = [];
  for (const { file, text } of sources) {
    const sf = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true);
    const visit = (node: ts.Node): void => {
      if (ts.isFunctionLike(node) && 'body' in node && node.body) {
        const actorParam = node.parameters.find((p) => p.type?.getText(sf) === 'Actor' && ts.isIdentifier(p.name));
        // A function handed a manager is a step of its caller's unit of work: the caller, which opened the
        // transaction for the actor, is the one checked (e.g. a module's record contract after requireWorker).
        const step = node.parameters.some((p) => p.type?.getText(sf) === 'EntityManager');
        if (actorParam && !step) {
          const actor = (actorParam.name as ts.Identifier).text;
          const reads = readsOf(node.body, sf, linked);
          if (reads && !scoped(node.body, actor)) found.push({ file: relative(process.cwd(), file), fn: nameOf(node, sf), reads });
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
  return found;
}

function nameOf(node: ts.Node, sf: ts.SourceFile): string {
  const named = node as { name?: ts.Node };
  if (named.name) return named.name.getText(sf);
  const parent = node.parent as { name?: ts.Node } | undefined;
  return parent?.name?.getText(sf) ?? `line ${sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1}`;
}

/** The first read of a worker-linked table in `body`, by entity class or by table name in SQL. */
function readsOf(body: ts.Node, sf: ts.SourceFile, linked: { classes: Set<string>; tables: Set<string> }): string | null {
  let read: string | null = null;
  const tableIn = (sql: string): string | undefined =>
    [...linked.tables].find((t) => !NOT_READS.has(t) && new RegExp(`\\b(FROM|JOIN)\\s+${t}\\b`, 'i').test(sql));
  const visit = (node: ts.Node): void => {
    if (read) return;
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && READS.has(node.expression.name.text)) {
      const first = node.arguments[0];
      if (first && ts.isIdentifier(first) && linked.classes.has(first.text) && !NOT_READS.has(first.text)) read = `${node.expression.name.text}(${first.text})`;
      if (node.expression.name.text === 'from' || (first && ts.isStringLiteral(first) && linked.tables.has(first.text))) {
        if (first && ts.isStringLiteral(first) && linked.tables.has(first.text) && !NOT_READS.has(first.text)) read = `'${first.text}'`;
      }
    }
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && ['from', 'innerJoin', 'leftJoin'].includes(node.expression.name.text)) {
      const first = node.arguments[0];
      if (first && ts.isStringLiteral(first) && linked.tables.has(first.text) && !NOT_READS.has(first.text)) read = `${node.expression.name.text}('${first.text}')`;
    }
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateExpression(node)) {
      const table = tableIn(node.getText(sf));
      if (table) read = `SQL on ${table}`;
    }
    ts.forEachChild(node, visit);
  };
  visit(body);
  return read;
}

/** The actor reaches an access step, or only the actor's own rows are read. */
function scoped(body: ts.Node, actor: string): boolean {
  let ok = false;
  const visit = (node: ts.Node): void => {
    if (ok) return;
    if (ts.isPropertyAccessExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === actor) {
      // Own rows: the worker's own, the vendor's own, or (in a filter) the account's own.
      if (['workerId', 'vendorId'].includes(node.name.text) || (node.name.text === 'userId' && inFilter(node))) ok = true;
    }
    if (ts.isCallExpression(node)) {
      const callee = node.expression;
      const name = ts.isPropertyAccessExpression(callee) ? callee.name.text : ts.isIdentifier(callee) ? callee.text : '';
      if (ACCESS_STEP.test(name) && node.arguments.some((a) => ts.isIdentifier(a) && a.text === actor)) ok = true;
    }
    ts.forEachChild(node, visit);
  };
  visit(body);
  return ok;
}

/** Inside a `where` option or a `where`/`andWhere` call: the value filters the rows read. */
function inFilter(node: ts.Node): boolean {
  for (let n = node.parent; n && !ts.isFunctionLike(n); n = n.parent) {
    if (ts.isPropertyAssignment(n) && n.name.getText() === 'where') return true;
    if (ts.isCallExpression(n) && ts.isPropertyAccessExpression(n.expression) && /^(and|or)?[wW]here$/.test(n.expression.name.text)) return true;
  }
  return false;
}

describe('the scoped query factory', () => {
  it('is where every actor-serving read of a worker-linked table starts', () => {
    const found = bypasses(all.map((file) => ({ file, text: readFileSync(file, 'utf8') })));
    expect(found).toEqual([]);
  });

  it('fails a service method that reads a worker-linked table without the scope', () => {
    const text = `class S {
      list(actor: Actor) { return this.t.read((m) => m.getRepository(CrisisCase).createQueryBuilder('c').getMany()); }
      raw(actor: Actor) { return this.t.read((m) => m.query('SELECT * FROM crisis_cases WHERE worker_id = $1', [x])); }
      scopedList(actor: Actor) { return this.t.read((m) => this.scope.whereWorkerInScope(m.getRepository(CrisisCase).createQueryBuilder('c'), actor, 'c.worker_id').getMany()); }
      own(actor: Actor) { return this.t.read((m) => m.find(Consent, { where: { workerId: actor.workerId ?? '' } })); }
      unrelated(actor: Actor) { return this.t.read((m) => m.find(OrgUnit, {})); }
    }`;
    expect(bypasses([{ file: join(SRC, 'probe.ts'), text }]).map((b) => b.fn)).toEqual(['list', 'raw']);
  });
});
