import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ThrottleBuckets1796119743529 implements MigrationInterface {
  name = 'ThrottleBuckets1796119743529';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE UNLOGGED TABLE \"throttle_buckets\" (\"key\" character varying(200) NOT NULL, \"hits\" integer NOT NULL, \"expires_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"blocked_until\" TIMESTAMP WITH TIME ZONE, CONSTRAINT \"PK_36e08342fdd33ed74c58e52153d\" PRIMARY KEY (\"key\"))");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP TABLE \"throttle_buckets\"");
  }
}
