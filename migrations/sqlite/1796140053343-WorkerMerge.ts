import type { MigrationInterface, QueryRunner } from 'typeorm';

export class WorkerMerge1796140053343 implements MigrationInterface {
  name = 'WorkerMerge1796140053343';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"worker_merges\" (\"id\" varchar PRIMARY KEY NOT NULL, \"worker_id\" varchar NOT NULL, \"duplicate_worker_id\" varchar NOT NULL, \"state\" varchar(20) NOT NULL DEFAULT ('merged'), \"merged_by\" varchar NOT NULL, \"reason\" text, \"moves\" text NOT NULL DEFAULT ('[]'), \"profile_before\" text NOT NULL, \"added_consents\" text NOT NULL DEFAULT ('[]'), \"disabled_users\" text NOT NULL DEFAULT ('[]'), \"undo_until\" datetime NOT NULL, \"undone_at\" datetime, \"undone_by\" varchar, \"created_at\" datetime NOT NULL)");
    await queryRunner.query("CREATE INDEX \"idx_worker_merges_duplicate\" ON \"worker_merges\" (\"duplicate_worker_id\") ");
    await queryRunner.query("CREATE INDEX \"idx_worker_merges_worker\" ON \"worker_merges\" (\"worker_id\", \"created_at\") ");
    await queryRunner.query("DROP INDEX \"idx_workers_eligibility\"");
    await queryRunner.query("DROP INDEX \"idx_workers_employee_no\"");
    await queryRunner.query("DROP INDEX \"idx_workers_unit_name\"");
    await queryRunner.query("DROP INDEX \"uq_workers_unit_employee_no\"");
    await queryRunner.query("DROP INDEX \"idx_workers_name\"");
    await queryRunner.query("DROP INDEX \"idx_workers_phone_hash\"");
    await queryRunner.query("CREATE TABLE \"temporary_workers\" (\"id\" varchar PRIMARY KEY NOT NULL, \"org_unit_id\" varchar NOT NULL, \"name\" varchar(100) NOT NULL, \"gender\" varchar(20) NOT NULL DEFAULT ('undisclosed'), \"birth_year\" integer, \"employee_no\" varchar(50), \"phone\" text, \"email\" text, \"job_title\" varchar(100), \"cadre_level\" varchar(20) NOT NULL DEFAULT ('none'), \"special_post\" varchar(30) NOT NULL DEFAULT ('none'), \"employment_status\" varchar(30) NOT NULL DEFAULT ('employed'), \"life_events\" text NOT NULL DEFAULT ('[]'), \"notes\" text, \"erased\" boolean NOT NULL DEFAULT (0), \"created_at\" datetime NOT NULL, \"updated_at\" datetime NOT NULL DEFAULT (datetime('now')), \"phone_hash\" varchar(64), \"occupation_group\" varchar(30) NOT NULL DEFAULT ('employee'), \"employer\" varchar(100), \"membership\" varchar(20) NOT NULL DEFAULT ('member'), \"record_key\" integer NOT NULL DEFAULT (0), \"phone2\" text, \"emergency_name\" text, \"emergency_relation\" text, \"emergency_phone\" text, \"merged_into_id\" varchar, CONSTRAINT \"FK_7f1dd1161edb41c975da97e7bf1\" FOREIGN KEY (\"org_unit_id\") REFERENCES \"org_units\" (\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION)");
    await queryRunner.query("INSERT INTO \"temporary_workers\"(\"id\", \"org_unit_id\", \"name\", \"gender\", \"birth_year\", \"employee_no\", \"phone\", \"email\", \"job_title\", \"cadre_level\", \"special_post\", \"employment_status\", \"life_events\", \"notes\", \"erased\", \"created_at\", \"updated_at\", \"phone_hash\", \"occupation_group\", \"employer\", \"membership\", \"record_key\", \"phone2\", \"emergency_name\", \"emergency_relation\", \"emergency_phone\") SELECT \"id\", \"org_unit_id\", \"name\", \"gender\", \"birth_year\", \"employee_no\", \"phone\", \"email\", \"job_title\", \"cadre_level\", \"special_post\", \"employment_status\", \"life_events\", \"notes\", \"erased\", \"created_at\", \"updated_at\", \"phone_hash\", \"occupation_group\", \"employer\", \"membership\", \"record_key\", \"phone2\", \"emergency_name\", \"emergency_relation\", \"emergency_phone\" FROM \"workers\"");
    await queryRunner.query("DROP TABLE \"workers\"");
    await queryRunner.query("ALTER TABLE \"temporary_workers\" RENAME TO \"workers\"");
    await queryRunner.query("CREATE INDEX \"idx_workers_eligibility\" ON \"workers\" (\"org_unit_id\", \"erased\", \"gender\", \"special_post\", \"employment_status\", \"cadre_level\", \"birth_year\", \"life_events\", \"id\") ");
    await queryRunner.query("CREATE INDEX \"idx_workers_employee_no\" ON \"workers\" (\"employee_no\") ");
    await queryRunner.query("CREATE INDEX \"idx_workers_unit_name\" ON \"workers\" (\"org_unit_id\", \"name\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_workers_unit_employee_no\" ON \"workers\" (\"org_unit_id\", \"employee_no\") ");
    await queryRunner.query("CREATE INDEX \"idx_workers_name\" ON \"workers\" (\"name\") ");
    await queryRunner.query("CREATE INDEX \"idx_workers_phone_hash\" ON \"workers\" (\"phone_hash\") ");
    await queryRunner.query("CREATE INDEX \"idx_workers_merged_into\" ON \"workers\" (\"merged_into_id\") ");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"idx_workers_merged_into\"");
    await queryRunner.query("DROP INDEX \"idx_workers_phone_hash\"");
    await queryRunner.query("DROP INDEX \"idx_workers_name\"");
    await queryRunner.query("DROP INDEX \"uq_workers_unit_employee_no\"");
    await queryRunner.query("DROP INDEX \"idx_workers_unit_name\"");
    await queryRunner.query("DROP INDEX \"idx_workers_employee_no\"");
    await queryRunner.query("DROP INDEX \"idx_workers_eligibility\"");
    await queryRunner.query("ALTER TABLE \"workers\" RENAME TO \"temporary_workers\"");
    await queryRunner.query("CREATE TABLE \"workers\" (\"id\" varchar PRIMARY KEY NOT NULL, \"org_unit_id\" varchar NOT NULL, \"name\" varchar(100) NOT NULL, \"gender\" varchar(20) NOT NULL DEFAULT ('undisclosed'), \"birth_year\" integer, \"employee_no\" varchar(50), \"phone\" text, \"email\" text, \"job_title\" varchar(100), \"cadre_level\" varchar(20) NOT NULL DEFAULT ('none'), \"special_post\" varchar(30) NOT NULL DEFAULT ('none'), \"employment_status\" varchar(30) NOT NULL DEFAULT ('employed'), \"life_events\" text NOT NULL DEFAULT ('[]'), \"notes\" text, \"erased\" boolean NOT NULL DEFAULT (0), \"created_at\" datetime NOT NULL, \"updated_at\" datetime NOT NULL DEFAULT (datetime('now')), \"phone_hash\" varchar(64), \"occupation_group\" varchar(30) NOT NULL DEFAULT ('employee'), \"employer\" varchar(100), \"membership\" varchar(20) NOT NULL DEFAULT ('member'), \"record_key\" integer NOT NULL DEFAULT (0), \"phone2\" text, \"emergency_name\" text, \"emergency_relation\" text, \"emergency_phone\" text, CONSTRAINT \"FK_7f1dd1161edb41c975da97e7bf1\" FOREIGN KEY (\"org_unit_id\") REFERENCES \"org_units\" (\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION)");
    await queryRunner.query("INSERT INTO \"workers\"(\"id\", \"org_unit_id\", \"name\", \"gender\", \"birth_year\", \"employee_no\", \"phone\", \"email\", \"job_title\", \"cadre_level\", \"special_post\", \"employment_status\", \"life_events\", \"notes\", \"erased\", \"created_at\", \"updated_at\", \"phone_hash\", \"occupation_group\", \"employer\", \"membership\", \"record_key\", \"phone2\", \"emergency_name\", \"emergency_relation\", \"emergency_phone\") SELECT \"id\", \"org_unit_id\", \"name\", \"gender\", \"birth_year\", \"employee_no\", \"phone\", \"email\", \"job_title\", \"cadre_level\", \"special_post\", \"employment_status\", \"life_events\", \"notes\", \"erased\", \"created_at\", \"updated_at\", \"phone_hash\", \"occupation_group\", \"employer\", \"membership\", \"record_key\", \"phone2\", \"emergency_name\", \"emergency_relation\", \"emergency_phone\" FROM \"temporary_workers\"");
    await queryRunner.query("DROP TABLE \"temporary_workers\"");
    await queryRunner.query("CREATE INDEX \"idx_workers_phone_hash\" ON \"workers\" (\"phone_hash\") ");
    await queryRunner.query("CREATE INDEX \"idx_workers_name\" ON \"workers\" (\"name\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_workers_unit_employee_no\" ON \"workers\" (\"org_unit_id\", \"employee_no\") ");
    await queryRunner.query("CREATE INDEX \"idx_workers_unit_name\" ON \"workers\" (\"org_unit_id\", \"name\") ");
    await queryRunner.query("CREATE INDEX \"idx_workers_employee_no\" ON \"workers\" (\"employee_no\") ");
    await queryRunner.query("CREATE INDEX \"idx_workers_eligibility\" ON \"workers\" (\"org_unit_id\", \"erased\", \"gender\", \"special_post\", \"employment_status\", \"cadre_level\", \"birth_year\", \"life_events\", \"id\") ");
    await queryRunner.query("DROP INDEX \"idx_worker_merges_worker\"");
    await queryRunner.query("DROP INDEX \"idx_worker_merges_duplicate\"");
    await queryRunner.query("DROP TABLE \"worker_merges\"");
  }
}
