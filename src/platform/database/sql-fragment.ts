/**
 * A piece of SQL with its named parameters (`:name`, `:...list`, as TypeORM's query builder writes them), e.g. a
 * subquery yielding `worker_id`. Lets one module compose another module's set-based query without reading its
 * tables: the owner of a table writes the fragment. Parameter names must be unique in the statement they join.
 */
export interface SqlFragment {
  sql: string;
  params: Record<string, unknown>;
  /** The fragment already yields at most one row per worker (e.g. read from a maintained latest-per-worker summary). */
  onePerWorker?: boolean;
}

/** A parameter name or alias safe to splice into SQL. */
export function sqlKey(key: string): string {
  if (!/^[a-z][a-z0-9_]{0,40}$/i.test(key)) throw new Error(`unsafe SQL key: ${key}`);
  return key;
}
