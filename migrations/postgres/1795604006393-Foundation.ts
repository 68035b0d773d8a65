import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Foundation1795604006393 implements MigrationInterface {
  name = 'Foundation1795604006393';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"org_units\" (\"id\" uuid NOT NULL DEFAULT uuid_generate_v4(), \"name\" character varying(200) NOT NULL, \"parent_id\" uuid, \"path\" character varying(2000) NOT NULL, \"depth\" integer NOT NULL, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_b4a19b7f3756560cd75643be5a7\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"idx_org_units_path\" ON \"org_units\"  (\"path\") ");
    await queryRunner.query("CREATE TABLE \"workers\" (\"id\" uuid NOT NULL DEFAULT uuid_generate_v4(), \"org_unit_id\" uuid NOT NULL, \"name\" character varying(100) NOT NULL, \"gender\" character varying(20) NOT NULL DEFAULT 'undisclosed', \"birth_year\" integer, \"employee_no\" character varying(50), \"phone\" text, \"email\" text, \"job_title\" character varying(100), \"cadre_level\" character varying(20) NOT NULL DEFAULT 'none', \"special_post\" character varying(30) NOT NULL DEFAULT 'none', \"employment_status\" character varying(30) NOT NULL DEFAULT 'employed', \"life_events\" jsonb NOT NULL DEFAULT '[]', \"notes\" text, \"erased\" boolean NOT NULL DEFAULT false, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_e950c9aba3bd84a4f193058d838\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"idx_workers_name\" ON \"workers\"  (\"name\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_workers_unit_employee_no\" ON \"workers\"  (\"org_unit_id\", \"employee_no\") ");
    await queryRunner.query("CREATE INDEX \"idx_workers_unit_name\" ON \"workers\"  (\"org_unit_id\", \"name\") ");
    await queryRunner.query("CREATE TABLE \"audit_events\" (\"seq\" integer NOT NULL, \"at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"actor_id\" uuid, \"actor_role\" character varying(20) NOT NULL, \"action\" character varying(80) NOT NULL, \"resource_type\" character varying(40) NOT NULL, \"resource_id\" character varying(64), \"worker_id\" uuid, \"ip\" character varying(64), \"outcome\" character varying(10) NOT NULL, \"detail\" jsonb, \"prev_hash\" character varying(64) NOT NULL, \"hash\" character varying(64) NOT NULL, CONSTRAINT \"PK_6e299f5706e715265416fefe53e\" PRIMARY KEY (\"seq\"))");
    await queryRunner.query("CREATE INDEX \"idx_audit_actor_at\" ON \"audit_events\"  (\"actor_id\", \"at\") ");
    await queryRunner.query("CREATE INDEX \"idx_audit_worker_at\" ON \"audit_events\"  (\"worker_id\", \"at\") ");
    await queryRunner.query("CREATE TABLE \"users\" (\"id\" uuid NOT NULL DEFAULT uuid_generate_v4(), \"username\" character varying(64) NOT NULL, \"display_name\" character varying(100) NOT NULL, \"password_hash\" character varying(200) NOT NULL, \"role\" character varying(20) NOT NULL, \"org_unit_id\" uuid NOT NULL, \"worker_id\" uuid, \"email\" character varying(200), \"active\" boolean NOT NULL DEFAULT true, \"failed_logins\" integer NOT NULL DEFAULT '0', \"locked_until\" TIMESTAMP WITH TIME ZONE, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_a3ffb1c0c8416b9fc6f907b7433\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_users_username\" ON \"users\"  (\"username\") ");
    await queryRunner.query("CREATE INDEX \"idx_users_org_unit\" ON \"users\"  (\"org_unit_id\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_users_worker\" ON \"users\"  (\"worker_id\") ");
    await queryRunner.query("CREATE TABLE \"refresh_tokens\" (\"id\" uuid NOT NULL DEFAULT uuid_generate_v4(), \"user_id\" uuid NOT NULL, \"family_id\" uuid NOT NULL, \"secret_hash\" character varying(64) NOT NULL, \"expires_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"revoked_at\" TIMESTAMP WITH TIME ZONE, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT \"PK_7d8bee0204106019488c4c50ffa\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"idx_refresh_tokens_user\" ON \"refresh_tokens\"  (\"user_id\") ");
    await queryRunner.query("CREATE INDEX \"idx_refresh_tokens_family\" ON \"refresh_tokens\"  (\"family_id\") ");
    await queryRunner.query("CREATE TABLE \"consents\" (\"id\" uuid NOT NULL DEFAULT uuid_generate_v4(), \"worker_id\" uuid NOT NULL, \"purpose\" character varying(30) NOT NULL, \"recipient_id\" character varying(64) NOT NULL DEFAULT '', \"granted\" boolean NOT NULL, \"recorded_by\" uuid NOT NULL, \"on_paper\" boolean NOT NULL DEFAULT false, \"note\" character varying(500), \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT \"PK_9efc68eb6aba7d638fb6ea034dd\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"idx_consents_lookup\" ON \"consents\"  (\"worker_id\", \"purpose\", \"recipient_id\", \"created_at\") ");
    await queryRunner.query("CREATE TABLE \"jobs\" (\"id\" uuid NOT NULL DEFAULT uuid_generate_v4(), \"type\" character varying(120) NOT NULL, \"payload\" jsonb NOT NULL, \"status\" character varying(10) NOT NULL DEFAULT 'pending', \"run_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"attempts\" integer NOT NULL DEFAULT '0', \"max_attempts\" integer NOT NULL DEFAULT '10', \"locked_until\" TIMESTAMP WITH TIME ZONE, \"locked_by\" character varying(64), \"last_error\" text, \"dedupe_key\" character varying(200), \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"finished_at\" TIMESTAMP WITH TIME ZONE, CONSTRAINT \"PK_cf0a6c42b72fcc7f7c237def345\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_jobs_dedupe\" ON \"jobs\"  (\"dedupe_key\") ");
    await queryRunner.query("CREATE INDEX \"idx_jobs_due\" ON \"jobs\"  (\"status\", \"run_at\") ");
    await queryRunner.query("CREATE TABLE \"notifications\" (\"id\" uuid NOT NULL DEFAULT uuid_generate_v4(), \"user_id\" uuid NOT NULL, \"kind\" character varying(60) NOT NULL, \"title\" character varying(300) NOT NULL, \"body\" text NOT NULL, \"link\" character varying(300), \"read_at\" TIMESTAMP WITH TIME ZONE, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT \"PK_6a72c3c0f683f6462415e653c3a\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"idx_notifications_user_created\" ON \"notifications\"  (\"user_id\", \"created_at\") ");
    await queryRunner.query("ALTER TABLE \"workers\" ADD CONSTRAINT \"FK_7f1dd1161edb41c975da97e7bf1\" FOREIGN KEY (\"org_unit_id\") REFERENCES \"org_units\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"consents\" ADD CONSTRAINT \"FK_ba465267d131b0c18c71becf6a2\" FOREIGN KEY (\"worker_id\") REFERENCES \"workers\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"consents\" DROP CONSTRAINT \"FK_ba465267d131b0c18c71becf6a2\"");
    await queryRunner.query("ALTER TABLE \"workers\" DROP CONSTRAINT \"FK_7f1dd1161edb41c975da97e7bf1\"");
    await queryRunner.query("DROP INDEX \"public\".\"idx_notifications_user_created\"");
    await queryRunner.query("DROP TABLE \"notifications\"");
    await queryRunner.query("DROP INDEX \"public\".\"idx_jobs_due\"");
    await queryRunner.query("DROP INDEX \"public\".\"uq_jobs_dedupe\"");
    await queryRunner.query("DROP TABLE \"jobs\"");
    await queryRunner.query("DROP INDEX \"public\".\"idx_consents_lookup\"");
    await queryRunner.query("DROP TABLE \"consents\"");
    await queryRunner.query("DROP INDEX \"public\".\"idx_refresh_tokens_family\"");
    await queryRunner.query("DROP INDEX \"public\".\"idx_refresh_tokens_user\"");
    await queryRunner.query("DROP TABLE \"refresh_tokens\"");
    await queryRunner.query("DROP INDEX \"public\".\"uq_users_worker\"");
    await queryRunner.query("DROP INDEX \"public\".\"idx_users_org_unit\"");
    await queryRunner.query("DROP INDEX \"public\".\"uq_users_username\"");
    await queryRunner.query("DROP TABLE \"users\"");
    await queryRunner.query("DROP INDEX \"public\".\"idx_audit_worker_at\"");
    await queryRunner.query("DROP INDEX \"public\".\"idx_audit_actor_at\"");
    await queryRunner.query("DROP TABLE \"audit_events\"");
    await queryRunner.query("DROP INDEX \"public\".\"idx_workers_unit_name\"");
    await queryRunner.query("DROP INDEX \"public\".\"uq_workers_unit_employee_no\"");
    await queryRunner.query("DROP INDEX \"public\".\"idx_workers_name\"");
    await queryRunner.query("DROP TABLE \"workers\"");
    await queryRunner.query("DROP INDEX \"public\".\"idx_org_units_path\"");
    await queryRunner.query("DROP TABLE \"org_units\"");
  }
}
