export type Dialect = 'postgres' | 'sqlite';

/**
 * The dialect is fixed for the life of the process by DATABASE_URL. Entities read it when their decorators run
 * (timestamp and JSON column types differ between SQLite and PostgreSQL), so it cannot come from Nest's config.
 */
export function dialectOf(url: string | undefined): Dialect {
  return url && /^postgres(ql)?:\/\//.test(url) ? 'postgres' : 'sqlite';
}

export const DIALECT: Dialect = dialectOf(process.env.DATABASE_URL);
