import type { MigrationInterface, QueryRunner } from 'typeorm';

export class MobileAccess1796117732080 implements MigrationInterface {
  name = 'MobileAccess1796117732080';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"sms_messages\" (\"id\" uuid NOT NULL DEFAULT uuid_generate_v4(), \"user_id\" uuid, \"phone_hash\" character varying(64) NOT NULL, \"phone\" text NOT NULL, \"template\" character varying(40) NOT NULL, \"body\" text NOT NULL, \"status\" character varying(20) NOT NULL, \"reason\" character varying(200), \"attempts\" integer NOT NULL DEFAULT '0', \"provider_message_id\" character varying(100), \"sent_at\" TIMESTAMP WITH TIME ZONE, \"delivered_at\" TIMESTAMP WITH TIME ZONE, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT \"PK_6d4cfef86e93e3fde23954d11bc\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"idx_sms_messages_user\" ON \"sms_messages\"  (\"user_id\") ");
    await queryRunner.query("CREATE INDEX \"idx_sms_messages_provider_id\" ON \"sms_messages\"  (\"provider_message_id\") ");
    await queryRunner.query("CREATE INDEX \"idx_sms_messages_created\" ON \"sms_messages\"  (\"created_at\") ");
    await queryRunner.query("CREATE INDEX \"idx_sms_messages_phone_created\" ON \"sms_messages\"  (\"phone_hash\", \"created_at\") ");
    await queryRunner.query("CREATE TABLE \"sms_opt_outs\" (\"phone_hash\" character varying(64) NOT NULL, \"source\" character varying(20) NOT NULL, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT \"PK_92a407816d733b0381bd387757a\" PRIMARY KEY (\"phone_hash\"))");
    await queryRunner.query("CREATE TABLE \"notification_preferences\" (\"user_id\" uuid NOT NULL, \"email\" boolean NOT NULL DEFAULT true, \"sms\" boolean NOT NULL DEFAULT true, \"staff_mobile\" text, \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_64c90edc7310c6be7c10c96f675\" PRIMARY KEY (\"user_id\"))");
    await queryRunner.query("CREATE TABLE \"sms_codes\" (\"id\" uuid NOT NULL DEFAULT uuid_generate_v4(), \"purpose\" character varying(10) NOT NULL, \"phone_hash\" character varying(64) NOT NULL, \"code_hash\" character varying(64) NOT NULL, \"ip_hash\" character varying(64) NOT NULL, \"expires_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"attempts\" integer NOT NULL DEFAULT '0', \"used_at\" TIMESTAMP WITH TIME ZONE, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT \"PK_0c00b68561d1f383939febd8648\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"idx_sms_codes_ip\" ON \"sms_codes\"  (\"ip_hash\", \"created_at\") ");
    await queryRunner.query("CREATE INDEX \"idx_sms_codes_phone\" ON \"sms_codes\"  (\"phone_hash\", \"purpose\", \"created_at\") ");
    await queryRunner.query("CREATE TABLE \"join_requests\" (\"id\" uuid NOT NULL DEFAULT uuid_generate_v4(), \"worker_id\" uuid NOT NULL, \"org_unit_id\" uuid NOT NULL, \"join_link_id\" uuid NOT NULL, \"matched\" character varying(10) NOT NULL, \"possible_duplicate_of\" uuid, \"status\" character varying(20) NOT NULL, \"decided_by\" uuid, \"decided_at\" TIMESTAMP WITH TIME ZONE, \"reason\" character varying(500), \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT \"PK_3584a09620923a5aaf7de782f0d\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"idx_join_requests_worker\" ON \"join_requests\"  (\"worker_id\") ");
    await queryRunner.query("CREATE INDEX \"idx_join_requests_unit_status\" ON \"join_requests\"  (\"org_unit_id\", \"status\", \"created_at\") ");
    await queryRunner.query("CREATE TABLE \"join_links\" (\"id\" uuid NOT NULL DEFAULT uuid_generate_v4(), \"org_unit_id\" uuid NOT NULL, \"token\" character varying(40) NOT NULL, \"label\" character varying(100) NOT NULL, \"created_by\" uuid NOT NULL, \"revoked_at\" TIMESTAMP WITH TIME ZONE, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT \"PK_c1a72f524e7fd1b9b6d8d303e2d\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_join_links_token\" ON \"join_links\"  (\"token\") ");
    await queryRunner.query("CREATE INDEX \"idx_join_links_unit\" ON \"join_links\"  (\"org_unit_id\", \"created_at\") ");
    await queryRunner.query("ALTER TABLE \"workers\" ADD \"phone_hash\" character varying(64)");
    await queryRunner.query("ALTER TABLE \"workers\" ADD \"occupation_group\" character varying(30) NOT NULL DEFAULT 'employee'");
    await queryRunner.query("ALTER TABLE \"workers\" ADD \"employer\" character varying(100)");
    await queryRunner.query("ALTER TABLE \"workers\" ADD \"membership\" character varying(20) NOT NULL DEFAULT 'member'");
    await queryRunner.query("ALTER TABLE \"users\" ADD \"totp_secret\" text");
    await queryRunner.query("ALTER TABLE \"users\" ADD \"totp_enabled_at\" TIMESTAMP WITH TIME ZONE");
    await queryRunner.query("ALTER TABLE \"users\" ADD \"totp_last_step\" integer");
    await queryRunner.query("CREATE INDEX \"idx_workers_phone_hash\" ON \"workers\"  (\"phone_hash\") ");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"public\".\"idx_workers_phone_hash\"");
    await queryRunner.query("ALTER TABLE \"users\" DROP COLUMN \"totp_last_step\"");
    await queryRunner.query("ALTER TABLE \"users\" DROP COLUMN \"totp_enabled_at\"");
    await queryRunner.query("ALTER TABLE \"users\" DROP COLUMN \"totp_secret\"");
    await queryRunner.query("ALTER TABLE \"workers\" DROP COLUMN \"membership\"");
    await queryRunner.query("ALTER TABLE \"workers\" DROP COLUMN \"employer\"");
    await queryRunner.query("ALTER TABLE \"workers\" DROP COLUMN \"occupation_group\"");
    await queryRunner.query("ALTER TABLE \"workers\" DROP COLUMN \"phone_hash\"");
    await queryRunner.query("DROP INDEX \"public\".\"idx_join_links_unit\"");
    await queryRunner.query("DROP INDEX \"public\".\"uq_join_links_token\"");
    await queryRunner.query("DROP TABLE \"join_links\"");
    await queryRunner.query("DROP INDEX \"public\".\"idx_join_requests_unit_status\"");
    await queryRunner.query("DROP INDEX \"public\".\"idx_join_requests_worker\"");
    await queryRunner.query("DROP TABLE \"join_requests\"");
    await queryRunner.query("DROP INDEX \"public\".\"idx_sms_codes_phone\"");
    await queryRunner.query("DROP INDEX \"public\".\"idx_sms_codes_ip\"");
    await queryRunner.query("DROP TABLE \"sms_codes\"");
    await queryRunner.query("DROP TABLE \"notification_preferences\"");
    await queryRunner.query("DROP TABLE \"sms_opt_outs\"");
    await queryRunner.query("DROP INDEX \"public\".\"idx_sms_messages_phone_created\"");
    await queryRunner.query("DROP INDEX \"public\".\"idx_sms_messages_created\"");
    await queryRunner.query("DROP INDEX \"public\".\"idx_sms_messages_provider_id\"");
    await queryRunner.query("DROP INDEX \"public\".\"idx_sms_messages_user\"");
    await queryRunner.query("DROP TABLE \"sms_messages\"");
  }
}
