import type { MigrationInterface, QueryRunner } from 'typeorm';

export class WorkerSearchIndexes1795605970997 implements MigrationInterface {
  name = 'WorkerSearchIndexes1795605970997';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE INDEX \"idx_workers_employee_no\" ON \"workers\" (\"employee_no\") ");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"idx_workers_employee_no\"");
  }
}
