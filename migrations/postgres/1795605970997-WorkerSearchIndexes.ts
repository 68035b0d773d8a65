import type { MigrationInterface, QueryRunner } from 'typeorm';

// Generated, then corrected by hand: TypeORM's ALTER COLUMN dropped the varchar length (100).
export class WorkerSearchIndexes1795605970997 implements MigrationInterface {
  name = 'WorkerSearchIndexes1795605970997';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"public\".\"idx_workers_unit_name\"");
    await queryRunner.query("ALTER TABLE \"workers\" ALTER COLUMN \"name\" TYPE character varying(100) COLLATE \"C\"");
    await queryRunner.query("CREATE INDEX \"idx_workers_employee_no\" ON \"workers\"  (\"employee_no\") ");
    await queryRunner.query("CREATE INDEX \"idx_workers_unit_name\" ON \"workers\"  (\"org_unit_id\", \"name\") ");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"public\".\"idx_workers_unit_name\"");
    await queryRunner.query("DROP INDEX \"public\".\"idx_workers_employee_no\"");
    await queryRunner.query("ALTER TABLE \"workers\" ALTER COLUMN \"name\" TYPE character varying(100) COLLATE pg_catalog.\"default\"");
    await queryRunner.query("CREATE INDEX \"idx_workers_unit_name\" ON \"workers\" USING btree (\"org_unit_id\", \"name\") ");
  }
}
