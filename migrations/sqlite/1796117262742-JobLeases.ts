import type { MigrationInterface, QueryRunner } from 'typeorm';

export class JobLeases1796117262742 implements MigrationInterface {
  name = 'JobLeases1796117262742';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"idx_jobs_due\"");
    await queryRunner.query("CREATE INDEX \"idx_jobs_dead_finished\" ON \"jobs\" (\"finished_at\") WHERE status = 'dead'");
    await queryRunner.query("CREATE INDEX \"idx_jobs_done_finished\" ON \"jobs\" (\"finished_at\") WHERE status = 'done'");
    await queryRunner.query("CREATE INDEX \"idx_jobs_running_lease\" ON \"jobs\" (\"locked_until\") WHERE status = 'running'");
    await queryRunner.query("CREATE INDEX \"idx_jobs_pending_due\" ON \"jobs\" (\"run_at\") WHERE status = 'pending'");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"idx_jobs_pending_due\"");
    await queryRunner.query("DROP INDEX \"idx_jobs_running_lease\"");
    await queryRunner.query("DROP INDEX \"idx_jobs_done_finished\"");
    await queryRunner.query("DROP INDEX \"idx_jobs_dead_finished\"");
    await queryRunner.query("CREATE INDEX \"idx_jobs_due\" ON \"jobs\" (\"status\", \"run_at\") ");
  }
}
