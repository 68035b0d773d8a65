import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ThrottleBuckets1796119743529 implements MigrationInterface {
  name = 'ThrottleBuckets1796119743529';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"throttle_buckets\" (\"key\" varchar(200) PRIMARY KEY NOT NULL, \"hits\" integer NOT NULL, \"expires_at\" datetime NOT NULL, \"blocked_until\" datetime)");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP TABLE \"throttle_buckets\"");
  }
}
