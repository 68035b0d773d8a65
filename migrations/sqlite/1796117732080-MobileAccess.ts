import type { MigrationInterface, QueryRunner } from 'typeorm';

export class MobileAccess1796117732080 implements MigrationInterface {
  name = 'MobileAccess1796117732080';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"sms_messages\" (\"id\" varchar PRIMARY KEY NOT NULL, \"user_id\" varchar, \"phone_hash\" varchar(64) NOT NULL, \"phone\" text NOT NULL, \"template\" varchar(40) NOT NULL, \"body\" text NOT NULL, \"status\" varchar(20) NOT NULL, \"reason\" varchar(200), \"attempts\" integer NOT NULL DEFAULT (0), \"provider_message_id\" varchar(100), \"sent_at\" datetime, \"delivered_at\" datetime, \"created_at\" datetime NOT NULL)");
    await queryRunner.query("CREATE INDEX \"idx_sms_messages_user\" ON \"sms_messages\" (\"user_id\") ");
    await queryRunner.query("CREATE INDEX \"idx_sms_messages_provider_id\" ON \"sms_messages\" (\"provider_message_id\") ");
    await queryRunner.query("CREATE INDEX \"idx_sms_messages_created\" ON \"sms_messages\" (\"created_at\") ");
    await queryRunner.query("CREATE INDEX \"idx_sms_messages_phone_created\" ON \"sms_messages\" (\"phone_hash\", \"created_at\") ");
    await queryRunner.query("CREATE TABLE \"sms_opt_outs\" (\"phone_hash\" varchar(64) PRIMARY KEY NOT NULL, \"source\" varchar(20) NOT NULL, \"created_at\" datetime NOT NULL)");
    await queryRunner.query("CREATE TABLE \"notification_preferences\" (\"user_id\" varchar PRIMARY KEY NOT NULL, \"email\" boolean NOT NULL DEFAULT (1), \"sms\" boolean NOT NULL DEFAULT (1), \"staff_mobile\" text, \"updated_at\" datetime NOT NULL DEFAULT (datetime('now')))");
    await queryRunner.query("CREATE TABLE \"sms_codes\" (\"id\" varchar PRIMARY KEY NOT NULL, \"purpose\" varchar(10) NOT NULL, \"phone_hash\" varchar(64) NOT NULL, \"code_hash\" varchar(64) NOT NULL, \"ip_hash\" varchar(64) NOT NULL, \"expires_at\" datetime NOT NULL, \"attempts\" integer NOT NULL DEFAULT (0), \"used_at\" datetime, \"created_at\" datetime NOT NULL)");
    await queryRunner.query("CREATE INDEX \"idx_sms_codes_ip\" ON \"sms_codes\" (\"ip_hash\", \"created_at\") ");
    await queryRunner.query("CREATE INDEX \"idx_sms_codes_phone\" ON \"sms_codes\" (\"phone_hash\", \"purpose\", \"created_at\") ");
    await queryRunner.query("CREATE TABLE \"join_requests\" (\"id\" varchar PRIMARY KEY NOT NULL, \"worker_id\" varchar NOT NULL, \"org_unit_id\" varchar NOT NULL, \"join_link_id\" varchar NOT NULL, \"matched\" varchar(10) NOT NULL, \"possible_duplicate_of\" varchar, \"status\" varchar(20) NOT NULL, \"decided_by\" varchar, \"decided_at\" datetime, \"reason\" varchar(500), \"created_at\" datetime NOT NULL)");
    await queryRunner.query("CREATE INDEX \"idx_join_requests_worker\" ON \"join_requests\" (\"worker_id\") ");
    await queryRunner.query("CREATE INDEX \"idx_join_requests_unit_status\" ON \"join_requests\" (\"org_unit_id\", \"status\", \"created_at\") ");
    await queryRunner.query("CREATE TABLE \"join_links\" (\"id\" varchar PRIMARY KEY NOT NULL, \"org_unit_id\" varchar NOT NULL, \"token\" varchar(40) NOT NULL, \"label\" varchar(100) NOT NULL, \"created_by\" varchar NOT NULL, \"revoked_at\" datetime, \"created_at\" datetime NOT NULL)");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_join_links_token\" ON \"join_links\" (\"token\") ");
    await queryRunner.query("CREATE INDEX \"idx_join_links_unit\" ON \"join_links\" (\"org_unit_id\", \"created_at\") ");
    await queryRunner.query("DROP INDEX \"idx_workers_eligibility\"");
    await queryRunner.query("DROP INDEX \"idx_workers_employee_no\"");
    await queryRunner.query("DROP INDEX \"idx_workers_unit_name\"");
    await queryRunner.query("DROP INDEX \"uq_workers_unit_employee_no\"");
    await queryRunner.query("DROP INDEX \"idx_workers_name\"");
    await queryRunner.query("CREATE TABLE \"temporary_workers\" (\"id\" varchar PRIMARY KEY NOT NULL, \"org_unit_id\" varchar NOT NULL, \"name\" varchar(100) NOT NULL, \"gender\" varchar(20) NOT NULL DEFAULT ('undisclosed'), \"birth_year\" integer, \"employee_no\" varchar(50), \"phone\" text, \"email\" text, \"job_title\" varchar(100), \"cadre_level\" varchar(20) NOT NULL DEFAULT ('none'), \"special_post\" varchar(30) NOT NULL DEFAULT ('none'), \"employment_status\" varchar(30) NOT NULL DEFAULT ('employed'), \"life_events\" text NOT NULL DEFAULT ('[]'), \"notes\" text, \"erased\" boolean NOT NULL DEFAULT (0), \"created_at\" datetime NOT NULL, \"updated_at\" datetime NOT NULL DEFAULT (datetime('now')), \"phone_hash\" varchar(64), \"occupation_group\" varchar(30) NOT NULL DEFAULT ('employee'), \"employer\" varchar(100), \"membership\" varchar(20) NOT NULL DEFAULT ('member'), CONSTRAINT \"FK_7f1dd1161edb41c975da97e7bf1\" FOREIGN KEY (\"org_unit_id\") REFERENCES \"org_units\" (\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION)");
    await queryRunner.query("INSERT INTO \"temporary_workers\"(\"id\", \"org_unit_id\", \"name\", \"gender\", \"birth_year\", \"employee_no\", \"phone\", \"email\", \"job_title\", \"cadre_level\", \"special_post\", \"employment_status\", \"life_events\", \"notes\", \"erased\", \"created_at\", \"updated_at\") SELECT \"id\", \"org_unit_id\", \"name\", \"gender\", \"birth_year\", \"employee_no\", \"phone\", \"email\", \"job_title\", \"cadre_level\", \"special_post\", \"employment_status\", \"life_events\", \"notes\", \"erased\", \"created_at\", \"updated_at\" FROM \"workers\"");
    await queryRunner.query("DROP TABLE \"workers\"");
    await queryRunner.query("ALTER TABLE \"temporary_workers\" RENAME TO \"workers\"");
    await queryRunner.query("CREATE INDEX \"idx_workers_eligibility\" ON \"workers\" (\"org_unit_id\", \"erased\", \"gender\", \"special_post\", \"employment_status\", \"cadre_level\", \"birth_year\", \"life_events\", \"id\") ");
    await queryRunner.query("CREATE INDEX \"idx_workers_employee_no\" ON \"workers\" (\"employee_no\") ");
    await queryRunner.query("CREATE INDEX \"idx_workers_unit_name\" ON \"workers\" (\"org_unit_id\", \"name\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_workers_unit_employee_no\" ON \"workers\" (\"org_unit_id\", \"employee_no\") ");
    await queryRunner.query("CREATE INDEX \"idx_workers_name\" ON \"workers\" (\"name\") ");
    await queryRunner.query("DROP INDEX \"uq_users_worker\"");
    await queryRunner.query("DROP INDEX \"idx_users_org_unit\"");
    await queryRunner.query("DROP INDEX \"uq_users_username\"");
    await queryRunner.query("CREATE TABLE \"temporary_users\" (\"id\" varchar PRIMARY KEY NOT NULL, \"username\" varchar(64) NOT NULL, \"display_name\" varchar(100) NOT NULL, \"password_hash\" varchar(200) NOT NULL, \"role\" varchar(20) NOT NULL, \"org_unit_id\" varchar NOT NULL, \"worker_id\" varchar, \"email\" varchar(200), \"active\" boolean NOT NULL DEFAULT (1), \"failed_logins\" integer NOT NULL DEFAULT (0), \"locked_until\" datetime, \"created_at\" datetime NOT NULL, \"updated_at\" datetime NOT NULL DEFAULT (datetime('now')), \"totp_secret\" text, \"totp_enabled_at\" datetime, \"totp_last_step\" integer)");
    await queryRunner.query("INSERT INTO \"temporary_users\"(\"id\", \"username\", \"display_name\", \"password_hash\", \"role\", \"org_unit_id\", \"worker_id\", \"email\", \"active\", \"failed_logins\", \"locked_until\", \"created_at\", \"updated_at\") SELECT \"id\", \"username\", \"display_name\", \"password_hash\", \"role\", \"org_unit_id\", \"worker_id\", \"email\", \"active\", \"failed_logins\", \"locked_until\", \"created_at\", \"updated_at\" FROM \"users\"");
    await queryRunner.query("DROP TABLE \"users\"");
    await queryRunner.query("ALTER TABLE \"temporary_users\" RENAME TO \"users\"");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_users_worker\" ON \"users\" (\"worker_id\") ");
    await queryRunner.query("CREATE INDEX \"idx_users_org_unit\" ON \"users\" (\"org_unit_id\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_users_username\" ON \"users\" (\"username\") ");
    await queryRunner.query("CREATE INDEX \"idx_workers_phone_hash\" ON \"workers\" (\"phone_hash\") ");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"idx_workers_phone_hash\"");
    await queryRunner.query("DROP INDEX \"uq_users_username\"");
    await queryRunner.query("DROP INDEX \"idx_users_org_unit\"");
    await queryRunner.query("DROP INDEX \"uq_users_worker\"");
    await queryRunner.query("ALTER TABLE \"users\" RENAME TO \"temporary_users\"");
    await queryRunner.query("CREATE TABLE \"users\" (\"id\" varchar PRIMARY KEY NOT NULL, \"username\" varchar(64) NOT NULL, \"display_name\" varchar(100) NOT NULL, \"password_hash\" varchar(200) NOT NULL, \"role\" varchar(20) NOT NULL, \"org_unit_id\" varchar NOT NULL, \"worker_id\" varchar, \"email\" varchar(200), \"active\" boolean NOT NULL DEFAULT (1), \"failed_logins\" integer NOT NULL DEFAULT (0), \"locked_until\" datetime, \"created_at\" datetime NOT NULL, \"updated_at\" datetime NOT NULL DEFAULT (datetime('now')))");
    await queryRunner.query("INSERT INTO \"users\"(\"id\", \"username\", \"display_name\", \"password_hash\", \"role\", \"org_unit_id\", \"worker_id\", \"email\", \"active\", \"failed_logins\", \"locked_until\", \"created_at\", \"updated_at\") SELECT \"id\", \"username\", \"display_name\", \"password_hash\", \"role\", \"org_unit_id\", \"worker_id\", \"email\", \"active\", \"failed_logins\", \"locked_until\", \"created_at\", \"updated_at\" FROM \"temporary_users\"");
    await queryRunner.query("DROP TABLE \"temporary_users\"");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_users_username\" ON \"users\" (\"username\") ");
    await queryRunner.query("CREATE INDEX \"idx_users_org_unit\" ON \"users\" (\"org_unit_id\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_users_worker\" ON \"users\" (\"worker_id\") ");
    await queryRunner.query("DROP INDEX \"idx_workers_name\"");
    await queryRunner.query("DROP INDEX \"uq_workers_unit_employee_no\"");
    await queryRunner.query("DROP INDEX \"idx_workers_unit_name\"");
    await queryRunner.query("DROP INDEX \"idx_workers_employee_no\"");
    await queryRunner.query("DROP INDEX \"idx_workers_eligibility\"");
    await queryRunner.query("ALTER TABLE \"workers\" RENAME TO \"temporary_workers\"");
    await queryRunner.query("CREATE TABLE \"workers\" (\"id\" varchar PRIMARY KEY NOT NULL, \"org_unit_id\" varchar NOT NULL, \"name\" varchar(100) NOT NULL, \"gender\" varchar(20) NOT NULL DEFAULT ('undisclosed'), \"birth_year\" integer, \"employee_no\" varchar(50), \"phone\" text, \"email\" text, \"job_title\" varchar(100), \"cadre_level\" varchar(20) NOT NULL DEFAULT ('none'), \"special_post\" varchar(30) NOT NULL DEFAULT ('none'), \"employment_status\" varchar(30) NOT NULL DEFAULT ('employed'), \"life_events\" text NOT NULL DEFAULT ('[]'), \"notes\" text, \"erased\" boolean NOT NULL DEFAULT (0), \"created_at\" datetime NOT NULL, \"updated_at\" datetime NOT NULL DEFAULT (datetime('now')), CONSTRAINT \"FK_7f1dd1161edb41c975da97e7bf1\" FOREIGN KEY (\"org_unit_id\") REFERENCES \"org_units\" (\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION)");
    await queryRunner.query("INSERT INTO \"workers\"(\"id\", \"org_unit_id\", \"name\", \"gender\", \"birth_year\", \"employee_no\", \"phone\", \"email\", \"job_title\", \"cadre_level\", \"special_post\", \"employment_status\", \"life_events\", \"notes\", \"erased\", \"created_at\", \"updated_at\") SELECT \"id\", \"org_unit_id\", \"name\", \"gender\", \"birth_year\", \"employee_no\", \"phone\", \"email\", \"job_title\", \"cadre_level\", \"special_post\", \"employment_status\", \"life_events\", \"notes\", \"erased\", \"created_at\", \"updated_at\" FROM \"temporary_workers\"");
    await queryRunner.query("DROP TABLE \"temporary_workers\"");
    await queryRunner.query("CREATE INDEX \"idx_workers_name\" ON \"workers\" (\"name\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_workers_unit_employee_no\" ON \"workers\" (\"org_unit_id\", \"employee_no\") ");
    await queryRunner.query("CREATE INDEX \"idx_workers_unit_name\" ON \"workers\" (\"org_unit_id\", \"name\") ");
    await queryRunner.query("CREATE INDEX \"idx_workers_employee_no\" ON \"workers\" (\"employee_no\") ");
    await queryRunner.query("CREATE INDEX \"idx_workers_eligibility\" ON \"workers\" (\"org_unit_id\", \"erased\", \"gender\", \"special_post\", \"employment_status\", \"cadre_level\", \"birth_year\", \"life_events\", \"id\") ");
    await queryRunner.query("DROP INDEX \"idx_join_links_unit\"");
    await queryRunner.query("DROP INDEX \"uq_join_links_token\"");
    await queryRunner.query("DROP TABLE \"join_links\"");
    await queryRunner.query("DROP INDEX \"idx_join_requests_unit_status\"");
    await queryRunner.query("DROP INDEX \"idx_join_requests_worker\"");
    await queryRunner.query("DROP TABLE \"join_requests\"");
    await queryRunner.query("DROP INDEX \"idx_sms_codes_phone\"");
    await queryRunner.query("DROP INDEX \"idx_sms_codes_ip\"");
    await queryRunner.query("DROP TABLE \"sms_codes\"");
    await queryRunner.query("DROP TABLE \"notification_preferences\"");
    await queryRunner.query("DROP TABLE \"sms_opt_outs\"");
    await queryRunner.query("DROP INDEX \"idx_sms_messages_phone_created\"");
    await queryRunner.query("DROP INDEX \"idx_sms_messages_created\"");
    await queryRunner.query("DROP INDEX \"idx_sms_messages_provider_id\"");
    await queryRunner.query("DROP INDEX \"idx_sms_messages_user\"");
    await queryRunner.query("DROP TABLE \"sms_messages\"");
  }
}
