import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Worker profile: second phone and emergency contact (紧急联系人), encrypted. */
export class WorkerContactFields1796123614686 implements MigrationInterface {
  name = 'WorkerContactFields1796123614686';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"workers\" ADD \"phone2\" text");
    await queryRunner.query("ALTER TABLE \"workers\" ADD \"emergency_name\" text");
    await queryRunner.query("ALTER TABLE \"workers\" ADD \"emergency_relation\" text");
    await queryRunner.query("ALTER TABLE \"workers\" ADD \"emergency_phone\" text");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"workers\" DROP COLUMN \"emergency_phone\"");
    await queryRunner.query("ALTER TABLE \"workers\" DROP COLUMN \"emergency_relation\"");
    await queryRunner.query("ALTER TABLE \"workers\" DROP COLUMN \"emergency_name\"");
    await queryRunner.query("ALTER TABLE \"workers\" DROP COLUMN \"phone2\"");
  }
}
