import type { MigrationInterface, QueryRunner } from 'typeorm';

export class WorkerMerge1796140053343 implements MigrationInterface {
  name = 'WorkerMerge1796140053343';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"worker_merges\" (\"id\" uuid NOT NULL DEFAULT uuid_generate_v4(), \"worker_id\" uuid NOT NULL, \"duplicate_worker_id\" uuid NOT NULL, \"state\" character varying(20) NOT NULL DEFAULT 'merged', \"merged_by\" uuid NOT NULL, \"reason\" text, \"moves\" jsonb NOT NULL DEFAULT '[]', \"profile_before\" text NOT NULL, \"added_consents\" jsonb NOT NULL DEFAULT '[]', \"disabled_users\" jsonb NOT NULL DEFAULT '[]', \"undo_until\" TIMESTAMP WITH TIME ZONE NOT NULL, \"undone_at\" TIMESTAMP WITH TIME ZONE, \"undone_by\" uuid, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT \"PK_51c0e715fe32f2c0b6f6b806308\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"idx_worker_merges_duplicate\" ON \"worker_merges\"  (\"duplicate_worker_id\") ");
    await queryRunner.query("CREATE INDEX \"idx_worker_merges_worker\" ON \"worker_merges\"  (\"worker_id\", \"created_at\") ");
    await queryRunner.query("ALTER TABLE \"workers\" ADD \"merged_into_id\" uuid");
    await queryRunner.query("CREATE INDEX \"idx_workers_merged_into\" ON \"workers\"  (\"merged_into_id\") ");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"public\".\"idx_workers_merged_into\"");
    await queryRunner.query("ALTER TABLE \"workers\" DROP COLUMN \"merged_into_id\"");
    await queryRunner.query("DROP INDEX \"public\".\"idx_worker_merges_worker\"");
    await queryRunner.query("DROP INDEX \"public\".\"idx_worker_merges_duplicate\"");
    await queryRunner.query("DROP TABLE \"worker_merges\"");
  }
}
