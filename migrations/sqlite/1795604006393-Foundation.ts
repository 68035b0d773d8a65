import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Foundation1795604006393 implements MigrationInterface {
  name = 'Foundation1795604006393';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"org_units\" (\"id\" varchar PRIMARY KEY NOT NULL, \"name\" varchar(200) NOT NULL, \"parent_id\" varchar, \"path\" varchar(2000) NOT NULL, \"depth\" integer NOT NULL, \"created_at\" datetime NOT NULL, \"updated_at\" datetime NOT NULL DEFAULT (datetime('now')))");
    await queryRunner.query("CREATE INDEX \"idx_org_units_path\" ON \"org_units\" (\"path\") ");
    await queryRunner.query("CREATE TABLE \"workers\" (\"id\" varchar PRIMARY KEY NOT NULL, \"org_unit_id\" varchar NOT NULL, \"name\" varchar(100) NOT NULL, \"gender\" varchar(20) NOT NULL DEFAULT ('undisclosed'), \"birth_year\" integer, \"employee_no\" varchar(50), \"phone\" text, \"email\" text, \"job_title\" varchar(100), \"cadre_level\" varchar(20) NOT NULL DEFAULT ('none'), \"special_post\" varchar(30) NOT NULL DEFAULT ('none'), \"employment_status\" varchar(30) NOT NULL DEFAULT ('employed'), \"life_events\" text NOT NULL DEFAULT ('[]'), \"notes\" text, \"erased\" boolean NOT NULL DEFAULT (0), \"created_at\" datetime NOT NULL, \"updated_at\" datetime NOT NULL DEFAULT (datetime('now')))");
    await queryRunner.query("CREATE INDEX \"idx_workers_name\" ON \"workers\" (\"name\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_workers_unit_employee_no\" ON \"workers\" (\"org_unit_id\", \"employee_no\") ");
    await queryRunner.query("CREATE INDEX \"idx_workers_unit_name\" ON \"workers\" (\"org_unit_id\", \"name\") ");
    await queryRunner.query("CREATE TABLE \"audit_events\" (\"seq\" integer PRIMARY KEY NOT NULL, \"at\" datetime NOT NULL, \"actor_id\" varchar, \"actor_role\" varchar(20) NOT NULL, \"action\" varchar(80) NOT NULL, \"resource_type\" varchar(40) NOT NULL, \"resource_id\" varchar(64), \"worker_id\" varchar, \"ip\" varchar(64), \"outcome\" varchar(10) NOT NULL, \"detail\" text, \"prev_hash\" varchar(64) NOT NULL, \"hash\" varchar(64) NOT NULL)");
    await queryRunner.query("CREATE INDEX \"idx_audit_actor_at\" ON \"audit_events\" (\"actor_id\", \"at\") ");
    await queryRunner.query("CREATE INDEX \"idx_audit_worker_at\" ON \"audit_events\" (\"worker_id\", \"at\") ");
    await queryRunner.query("CREATE TABLE \"users\" (\"id\" varchar PRIMARY KEY NOT NULL, \"username\" varchar(64) NOT NULL, \"display_name\" varchar(100) NOT NULL, \"password_hash\" varchar(200) NOT NULL, \"role\" varchar(20) NOT NULL, \"org_unit_id\" varchar NOT NULL, \"worker_id\" varchar, \"email\" varchar(200), \"active\" boolean NOT NULL DEFAULT (1), \"failed_logins\" integer NOT NULL DEFAULT (0), \"locked_until\" datetime, \"created_at\" datetime NOT NULL, \"updated_at\" datetime NOT NULL DEFAULT (datetime('now')))");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_users_username\" ON \"users\" (\"username\") ");
    await queryRunner.query("CREATE INDEX \"idx_users_org_unit\" ON \"users\" (\"org_unit_id\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_users_worker\" ON \"users\" (\"worker_id\") ");
    await queryRunner.query("CREATE TABLE \"refresh_tokens\" (\"id\" varchar PRIMARY KEY NOT NULL, \"user_id\" varchar NOT NULL, \"family_id\" varchar NOT NULL, \"secret_hash\" varchar(64) NOT NULL, \"expires_at\" datetime NOT NULL, \"revoked_at\" datetime, \"created_at\" datetime NOT NULL)");
    await queryRunner.query("CREATE INDEX \"idx_refresh_tokens_user\" ON \"refresh_tokens\" (\"user_id\") ");
    await queryRunner.query("CREATE INDEX \"idx_refresh_tokens_family\" ON \"refresh_tokens\" (\"family_id\") ");
    await queryRunner.query("CREATE TABLE \"consents\" (\"id\" varchar PRIMARY KEY NOT NULL, \"worker_id\" varchar NOT NULL, \"purpose\" varchar(30) NOT NULL, \"recipient_id\" varchar(64) NOT NULL DEFAULT (''), \"granted\" boolean NOT NULL, \"recorded_by\" varchar NOT NULL, \"on_paper\" boolean NOT NULL DEFAULT (0), \"note\" varchar(500), \"created_at\" datetime NOT NULL)");
    await queryRunner.query("CREATE INDEX \"idx_consents_lookup\" ON \"consents\" (\"worker_id\", \"purpose\", \"recipient_id\", \"created_at\") ");
    await queryRunner.query("CREATE TABLE \"jobs\" (\"id\" varchar PRIMARY KEY NOT NULL, \"type\" varchar(120) NOT NULL, \"payload\" text NOT NULL, \"status\" varchar(10) NOT NULL DEFAULT ('pending'), \"run_at\" datetime NOT NULL, \"attempts\" integer NOT NULL DEFAULT (0), \"max_attempts\" integer NOT NULL DEFAULT (10), \"locked_until\" datetime, \"locked_by\" varchar(64), \"last_error\" text, \"dedupe_key\" varchar(200), \"created_at\" datetime NOT NULL, \"finished_at\" datetime)");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_jobs_dedupe\" ON \"jobs\" (\"dedupe_key\") ");
    await queryRunner.query("CREATE INDEX \"idx_jobs_due\" ON \"jobs\" (\"status\", \"run_at\") ");
    await queryRunner.query("CREATE TABLE \"notifications\" (\"id\" varchar PRIMARY KEY NOT NULL, \"user_id\" varchar NOT NULL, \"kind\" varchar(60) NOT NULL, \"title\" varchar(300) NOT NULL, \"body\" text NOT NULL, \"link\" varchar(300), \"read_at\" datetime, \"created_at\" datetime NOT NULL)");
    await queryRunner.query("CREATE INDEX \"idx_notifications_user_created\" ON \"notifications\" (\"user_id\", \"created_at\") ");
    await queryRunner.query("DROP INDEX \"idx_workers_name\"");
    await queryRunner.query("DROP INDEX \"uq_workers_unit_employee_no\"");
    await queryRunner.query("DROP INDEX \"idx_workers_unit_name\"");
    await queryRunner.query("CREATE TABLE \"temporary_workers\" (\"id\" varchar PRIMARY KEY NOT NULL, \"org_unit_id\" varchar NOT NULL, \"name\" varchar(100) NOT NULL, \"gender\" varchar(20) NOT NULL DEFAULT ('undisclosed'), \"birth_year\" integer, \"employee_no\" varchar(50), \"phone\" text, \"email\" text, \"job_title\" varchar(100), \"cadre_level\" varchar(20) NOT NULL DEFAULT ('none'), \"special_post\" varchar(30) NOT NULL DEFAULT ('none'), \"employment_status\" varchar(30) NOT NULL DEFAULT ('employed'), \"life_events\" text NOT NULL DEFAULT ('[]'), \"notes\" text, \"erased\" boolean NOT NULL DEFAULT (0), \"created_at\" datetime NOT NULL, \"updated_at\" datetime NOT NULL DEFAULT (datetime('now')), CONSTRAINT \"FK_7f1dd1161edb41c975da97e7bf1\" FOREIGN KEY (\"org_unit_id\") REFERENCES \"org_units\" (\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION)");
    await queryRunner.query("INSERT INTO \"temporary_workers\"(\"id\", \"org_unit_id\", \"name\", \"gender\", \"birth_year\", \"employee_no\", \"phone\", \"email\", \"job_title\", \"cadre_level\", \"special_post\", \"employment_status\", \"life_events\", \"notes\", \"erased\", \"created_at\", \"updated_at\") SELECT \"id\", \"org_unit_id\", \"name\", \"gender\", \"birth_year\", \"employee_no\", \"phone\", \"email\", \"job_title\", \"cadre_level\", \"special_post\", \"employment_status\", \"life_events\", \"notes\", \"erased\", \"created_at\", \"updated_at\" FROM \"workers\"");
    await queryRunner.query("DROP TABLE \"workers\"");
    await queryRunner.query("ALTER TABLE \"temporary_workers\" RENAME TO \"workers\"");
    await queryRunner.query("CREATE INDEX \"idx_workers_name\" ON \"workers\" (\"name\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_workers_unit_employee_no\" ON \"workers\" (\"org_unit_id\", \"employee_no\") ");
    await queryRunner.query("CREATE INDEX \"idx_workers_unit_name\" ON \"workers\" (\"org_unit_id\", \"name\") ");
    await queryRunner.query("DROP INDEX \"idx_consents_lookup\"");
    await queryRunner.query("CREATE TABLE \"temporary_consents\" (\"id\" varchar PRIMARY KEY NOT NULL, \"worker_id\" varchar NOT NULL, \"purpose\" varchar(30) NOT NULL, \"recipient_id\" varchar(64) NOT NULL DEFAULT (''), \"granted\" boolean NOT NULL, \"recorded_by\" varchar NOT NULL, \"on_paper\" boolean NOT NULL DEFAULT (0), \"note\" varchar(500), \"created_at\" datetime NOT NULL, CONSTRAINT \"FK_ba465267d131b0c18c71becf6a2\" FOREIGN KEY (\"worker_id\") REFERENCES \"workers\" (\"id\") ON DELETE CASCADE ON UPDATE NO ACTION)");
    await queryRunner.query("INSERT INTO \"temporary_consents\"(\"id\", \"worker_id\", \"purpose\", \"recipient_id\", \"granted\", \"recorded_by\", \"on_paper\", \"note\", \"created_at\") SELECT \"id\", \"worker_id\", \"purpose\", \"recipient_id\", \"granted\", \"recorded_by\", \"on_paper\", \"note\", \"created_at\" FROM \"consents\"");
    await queryRunner.query("DROP TABLE \"consents\"");
    await queryRunner.query("ALTER TABLE \"temporary_consents\" RENAME TO \"consents\"");
    await queryRunner.query("CREATE INDEX \"idx_consents_lookup\" ON \"consents\" (\"worker_id\", \"purpose\", \"recipient_id\", \"created_at\") ");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"idx_consents_lookup\"");
    await queryRunner.query("ALTER TABLE \"consents\" RENAME TO \"temporary_consents\"");
    await queryRunner.query("CREATE TABLE \"consents\" (\"id\" varchar PRIMARY KEY NOT NULL, \"worker_id\" varchar NOT NULL, \"purpose\" varchar(30) NOT NULL, \"recipient_id\" varchar(64) NOT NULL DEFAULT (''), \"granted\" boolean NOT NULL, \"recorded_by\" varchar NOT NULL, \"on_paper\" boolean NOT NULL DEFAULT (0), \"note\" varchar(500), \"created_at\" datetime NOT NULL)");
    await queryRunner.query("INSERT INTO \"consents\"(\"id\", \"worker_id\", \"purpose\", \"recipient_id\", \"granted\", \"recorded_by\", \"on_paper\", \"note\", \"created_at\") SELECT \"id\", \"worker_id\", \"purpose\", \"recipient_id\", \"granted\", \"recorded_by\", \"on_paper\", \"note\", \"created_at\" FROM \"temporary_consents\"");
    await queryRunner.query("DROP TABLE \"temporary_consents\"");
    await queryRunner.query("CREATE INDEX \"idx_consents_lookup\" ON \"consents\" (\"worker_id\", \"purpose\", \"recipient_id\", \"created_at\") ");
    await queryRunner.query("DROP INDEX \"idx_workers_unit_name\"");
    await queryRunner.query("DROP INDEX \"uq_workers_unit_employee_no\"");
    await queryRunner.query("DROP INDEX \"idx_workers_name\"");
    await queryRunner.query("ALTER TABLE \"workers\" RENAME TO \"temporary_workers\"");
    await queryRunner.query("CREATE TABLE \"workers\" (\"id\" varchar PRIMARY KEY NOT NULL, \"org_unit_id\" varchar NOT NULL, \"name\" varchar(100) NOT NULL, \"gender\" varchar(20) NOT NULL DEFAULT ('undisclosed'), \"birth_year\" integer, \"employee_no\" varchar(50), \"phone\" text, \"email\" text, \"job_title\" varchar(100), \"cadre_level\" varchar(20) NOT NULL DEFAULT ('none'), \"special_post\" varchar(30) NOT NULL DEFAULT ('none'), \"employment_status\" varchar(30) NOT NULL DEFAULT ('employed'), \"life_events\" text NOT NULL DEFAULT ('[]'), \"notes\" text, \"erased\" boolean NOT NULL DEFAULT (0), \"created_at\" datetime NOT NULL, \"updated_at\" datetime NOT NULL DEFAULT (datetime('now')))");
    await queryRunner.query("INSERT INTO \"workers\"(\"id\", \"org_unit_id\", \"name\", \"gender\", \"birth_year\", \"employee_no\", \"phone\", \"email\", \"job_title\", \"cadre_level\", \"special_post\", \"employment_status\", \"life_events\", \"notes\", \"erased\", \"created_at\", \"updated_at\") SELECT \"id\", \"org_unit_id\", \"name\", \"gender\", \"birth_year\", \"employee_no\", \"phone\", \"email\", \"job_title\", \"cadre_level\", \"special_post\", \"employment_status\", \"life_events\", \"notes\", \"erased\", \"created_at\", \"updated_at\" FROM \"temporary_workers\"");
    await queryRunner.query("DROP TABLE \"temporary_workers\"");
    await queryRunner.query("CREATE INDEX \"idx_workers_unit_name\" ON \"workers\" (\"org_unit_id\", \"name\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_workers_unit_employee_no\" ON \"workers\" (\"org_unit_id\", \"employee_no\") ");
    await queryRunner.query("CREATE INDEX \"idx_workers_name\" ON \"workers\" (\"name\") ");
    await queryRunner.query("DROP INDEX \"idx_notifications_user_created\"");
    await queryRunner.query("DROP TABLE \"notifications\"");
    await queryRunner.query("DROP INDEX \"idx_jobs_due\"");
    await queryRunner.query("DROP INDEX \"uq_jobs_dedupe\"");
    await queryRunner.query("DROP TABLE \"jobs\"");
    await queryRunner.query("DROP INDEX \"idx_consents_lookup\"");
    await queryRunner.query("DROP TABLE \"consents\"");
    await queryRunner.query("DROP INDEX \"idx_refresh_tokens_family\"");
    await queryRunner.query("DROP INDEX \"idx_refresh_tokens_user\"");
    await queryRunner.query("DROP TABLE \"refresh_tokens\"");
    await queryRunner.query("DROP INDEX \"uq_users_worker\"");
    await queryRunner.query("DROP INDEX \"idx_users_org_unit\"");
    await queryRunner.query("DROP INDEX \"uq_users_username\"");
    await queryRunner.query("DROP TABLE \"users\"");
    await queryRunner.query("DROP INDEX \"idx_audit_worker_at\"");
    await queryRunner.query("DROP INDEX \"idx_audit_actor_at\"");
    await queryRunner.query("DROP TABLE \"audit_events\"");
    await queryRunner.query("DROP INDEX \"idx_workers_unit_name\"");
    await queryRunner.query("DROP INDEX \"uq_workers_unit_employee_no\"");
    await queryRunner.query("DROP INDEX \"idx_workers_name\"");
    await queryRunner.query("DROP TABLE \"workers\"");
    await queryRunner.query("DROP INDEX \"idx_org_units_path\"");
    await queryRunner.query("DROP TABLE \"org_units\"");
  }
}
