import { Global, Logger, Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource, type DataSourceOptions } from 'typeorm';
import { keyId } from '../audit/audit-chain.js';
import type { AppConfig } from '../config/app-config.js';
import { dataSourceOptions } from './data-source-options.js';
import { setMigrationContext } from './migration-context.js';
import { Transactions } from './transactions.js';

const MIGRATION_LOCK = 7_274_626_000;

/**
 * Runs pending migrations at start-up. On PostgreSQL an advisory lock makes app instances that start together take
 * turns, so each migration runs once.
 */
async function migrate(dataSource: DataSource): Promise<void> {
  const isPostgres = dataSource.options.type === 'postgres';
  const runner = dataSource.createQueryRunner();
  try {
    if (isPostgres) await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    if (applied.length > 0) new Logger('Database').log(`applied ${applied.length} migration(s)`);
  } finally {
    if (isPostgres) await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]);
    await runner.release();
  }
}

@Global()
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [ConfigService],
      useFactory: (config: ConfigService<AppConfig, true>) => {
        setMigrationContext({ auditKeyId: keyId(config.get('AUDIT_KEY', { infer: true })) });
        return { ...dataSourceOptions(config.get('DATABASE_URL', { infer: true })), autoLoadEntities: true };
      },
      dataSourceFactory: async (options?: DataSourceOptions) => {
        const dataSource = await new DataSource(options!).initialize();
        await migrate(dataSource);
        return dataSource;
      },
    }),
  ],
  providers: [Transactions],
  exports: [Transactions],
})
export class DatabaseModule {}
