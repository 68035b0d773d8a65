import type { DataSource, EntityManager, ObjectLiteral } from 'typeorm';
import type { Driver } from 'typeorm/driver/Driver.js';

/** SQL compiled for one data source: the driver's placeholders and the named parameters in their order. */
export interface CompiledSql {
  text: string;
  names: string[];
  /** A name for PostgreSQL's per-connection prepared statement. */
  name: string;
}

interface SqliteStatement {
  all(...values: unknown[]): ObjectLiteral[];
}
interface SqliteDatabase {
  prepare(sql: string): SqliteStatement;
}
interface PgClient {
  query(config: { name: string; text: string; values: unknown[] }): Promise<{ rows: ObjectLiteral[] }>;
}

let statementCount = 0;

/** Turns `:named` parameters into the driver's placeholders once; the order is read back from sentinel values. */
export function compileSql(dataSource: DataSource, sql: string): CompiledSql {
  const sentinels: Record<string, string> = {};
  for (const [, name] of sql.matchAll(/:(\w+)/g)) sentinels[name] = `\u0000${name}`;
  const [text, values] = dataSource.driver.escapeQueryWithParameters(sql, sentinels);
  return { text, names: (values as string[]).map((value) => value.slice(1)), name: `xingang_stmt_${++statementCount}` };
}

const sqliteStatements = new WeakMap<object, Map<string, SqliteStatement>>();

/**
 * Runs compiled SQL as a prepared statement: better-sqlite3 keeps a `Statement` per connection (the writer inside a
 * transaction, or the read-only reader), PostgreSQL a named statement parsed once per connection (inside a
 * transaction on the transaction's own connection, otherwise any pooled one).
 */
export async function executeCompiled(manager: EntityManager, compiled: CompiledSql, params: Record<string, unknown>): Promise<ObjectLiteral[]> {
  const values = compiled.names.map((name) => params[name]);
  const driver = manager.connection.driver as Driver & { databaseConnection?: SqliteDatabase; master?: PgClient };
  if (driver.options.type === 'better-sqlite3') {
    const database = driver.databaseConnection!;
    let statements = sqliteStatements.get(database);
    if (!statements) sqliteStatements.set(database, (statements = new Map<string, SqliteStatement>()));
    let statement = statements.get(compiled.text);
    if (!statement) statements.set(compiled.text, (statement = database.prepare(compiled.text)));
    // better-sqlite3 binds no booleans; SQLite stores them as 0/1 (as TypeORM's driver writes them).
    return statement.all(...values.map((value) => (typeof value === 'boolean' ? Number(value) : value)));
  }
  if (driver.options.type === 'postgres') {
    const runner = manager.queryRunner;
    const own = runner && !runner.isReleased ? (Reflect.get(runner, 'databaseConnection') as PgClient | undefined) : undefined;
    const client = own ?? driver.master!;
    return (await client.query({ name: compiled.name, text: compiled.text, values })).rows;
  }
  return manager.query(compiled.text, values);
}

/**
 * A read of raw rows whose SQL is fixed (only the values change), run as a prepared statement: for the hot reads
 * where the query builder and entity hydration cost more than the query (the record, the search). Parameters are
 * `:named`; lists (`:...ids`) are not allowed, since their length would change the statement. Columns come back as
 * the driver gives them (PostgreSQL: bigint counts as strings, SQLite: booleans as 0/1), so callers convert.
 */
export class PreparedQuery<R extends ObjectLiteral = ObjectLiteral> {
  private readonly compiled = new WeakMap<DataSource, CompiledSql>();

  constructor(readonly sql: string) {
    if (sql.includes(':...')) throw new Error('PreparedQuery: list parameters change the statement');
  }

  async rows(manager: EntityManager, params: Record<string, unknown>): Promise<R[]> {
    let compiled = this.compiled.get(manager.connection);
    if (!compiled) this.compiled.set(manager.connection, (compiled = compileSql(manager.connection, this.sql)));
    return (await executeCompiled(manager, compiled, params)) as R[];
  }
}

const shapes = new Map<string, PreparedQuery>();
const MAX_SHAPES = 1_000;

/**
 * For SQL assembled from a bounded set of optional clauses (a search's filters): one PreparedQuery per distinct
 * text, kept while there are at most MAX_SHAPES of them (beyond that it runs unprepared, never grows without bound).
 */
export function preparedRows<R extends ObjectLiteral>(manager: EntityManager, sql: string, params: Record<string, unknown>): Promise<R[]> {
  let query = shapes.get(sql);
  if (!query && shapes.size < MAX_SHAPES) shapes.set(sql, (query = new PreparedQuery(sql)));
  if (query) return query.rows(manager, params) as Promise<R[]>;
  const [text, values] = manager.connection.driver.escapeQueryWithParameters(sql, params);
  return manager.query<R[]>(text, values);
}
