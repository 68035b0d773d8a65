import type { MigrationInterface, QueryRunner } from 'typeorm';

export class EapIntegration1795610826617 implements MigrationInterface {
  name = 'EapIntegration1795610826617';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"eap_vendors\" (\"id\" uuid NOT NULL DEFAULT uuid_generate_v4(), \"name\" character varying(200) NOT NULL, \"services\" jsonb NOT NULL, \"regions\" jsonb NOT NULL, \"contact_name\" character varying(100), \"contact_email\" character varying(200), \"contact_phone\" character varying(40), \"active\" boolean NOT NULL DEFAULT true, \"inbound_secrets\" text, \"created_by\" uuid NOT NULL, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_eb0e021076732c3efb28a26d2e0\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_eap_vendors_name\" ON \"eap_vendors\"  (\"name\") ");
    await queryRunner.query("CREATE TABLE \"eap_api_keys\" (\"id\" uuid NOT NULL DEFAULT uuid_generate_v4(), \"vendor_id\" uuid NOT NULL, \"label\" character varying(100) NOT NULL, \"key_hash\" character varying(64) NOT NULL, \"display_prefix\" character varying(24) NOT NULL, \"expires_at\" TIMESTAMP WITH TIME ZONE, \"revoked_at\" TIMESTAMP WITH TIME ZONE, \"revoked_by\" uuid, \"replaced_by_id\" uuid, \"last_used_at\" TIMESTAMP WITH TIME ZONE, \"created_by\" uuid NOT NULL, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT \"PK_b78c1afc8ebd5a8b43fbd7631ca\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"idx_eap_api_keys_vendor\" ON \"eap_api_keys\"  (\"vendor_id\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_eap_api_keys_hash\" ON \"eap_api_keys\"  (\"key_hash\") ");
    await queryRunner.query("CREATE TABLE \"eap_contracts\" (\"id\" uuid NOT NULL DEFAULT uuid_generate_v4(), \"vendor_id\" uuid NOT NULL, \"org_unit_id\" uuid NOT NULL, \"reference\" character varying(100) NOT NULL, \"starts_on\" character varying(10) NOT NULL, \"ends_on\" character varying(10) NOT NULL, \"services\" jsonb NOT NULL, \"sessions_per_worker\" integer NOT NULL, \"sessions_total\" integer NOT NULL, \"price_per_session_cents\" integer NOT NULL, \"reminder_days\" jsonb NOT NULL, \"status\" character varying(12) NOT NULL DEFAULT 'active', \"terminated_at\" TIMESTAMP WITH TIME ZONE, \"created_by\" uuid NOT NULL, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_6a38fbf9d6406f032ec1dc02313\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"idx_eap_contracts_unit\" ON \"eap_contracts\"  (\"org_unit_id\") ");
    await queryRunner.query("CREATE INDEX \"idx_eap_contracts_vendor_unit\" ON \"eap_contracts\"  (\"vendor_id\", \"org_unit_id\") ");
    await queryRunner.query("CREATE TABLE \"eap_referrals\" (\"id\" uuid NOT NULL DEFAULT uuid_generate_v4(), \"vendor_ref\" character varying(40) NOT NULL, \"worker_id\" uuid NOT NULL, \"vendor_id\" uuid NOT NULL, \"contract_id\" uuid, \"individual_referral_id\" uuid, \"service\" character varying(40) NOT NULL, \"urgency\" character varying(10) NOT NULL, \"contact_preference\" text NOT NULL, \"summary\" text NOT NULL, \"status\" character varying(12) NOT NULL, \"shared_data\" text, \"shared_sha256\" character varying(64), \"sent_at\" TIMESTAMP WITH TIME ZONE, \"sent_by\" uuid, \"accepted_at\" TIMESTAMP WITH TIME ZONE, \"declined_at\" TIMESTAMP WITH TIME ZONE, \"first_session_at\" TIMESTAMP WITH TIME ZONE, \"sessions_used\" integer NOT NULL DEFAULT '0', \"closed_at\" TIMESTAMP WITH TIME ZONE, \"withdrawn_at\" TIMESTAMP WITH TIME ZONE, \"withdrawn_reason\" character varying(20), \"created_by\" uuid NOT NULL, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_452dd09828300f9a41a0b8cc324\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"idx_eap_referrals_contract\" ON \"eap_referrals\"  (\"contract_id\") ");
    await queryRunner.query("CREATE INDEX \"idx_eap_referrals_worker\" ON \"eap_referrals\"  (\"worker_id\", \"created_at\") ");
    await queryRunner.query("CREATE INDEX \"idx_eap_referrals_vendor_sent\" ON \"eap_referrals\"  (\"vendor_id\", \"sent_at\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_eap_referrals_vendor_ref\" ON \"eap_referrals\"  (\"vendor_ref\") ");
    await queryRunner.query("CREATE TABLE \"eap_referral_events\" (\"id\" uuid NOT NULL DEFAULT uuid_generate_v4(), \"referral_id\" uuid NOT NULL, \"contract_id\" uuid, \"worker_id\" uuid NOT NULL, \"type\" character varying(30) NOT NULL, \"session_number\" integer, \"occurred_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"source\" character varying(16) NOT NULL, \"note\" text, \"beyond_quota\" boolean NOT NULL DEFAULT false, \"recorded_by\" uuid, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT \"PK_248bbaf8495e1b69b7df2b3b149\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"idx_eap_referral_events_contract\" ON \"eap_referral_events\"  (\"contract_id\", \"type\") ");
    await queryRunner.query("CREATE INDEX \"idx_eap_referral_events_referral\" ON \"eap_referral_events\"  (\"referral_id\", \"created_at\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_eap_referral_events_session\" ON \"eap_referral_events\"  (\"referral_id\", \"session_number\") ");
    await queryRunner.query("CREATE TABLE \"eap_webhook_endpoints\" (\"id\" uuid NOT NULL DEFAULT uuid_generate_v4(), \"vendor_id\" uuid NOT NULL, \"url\" character varying(2000) NOT NULL, \"description\" character varying(200), \"secrets\" text NOT NULL, \"status\" character varying(10) NOT NULL DEFAULT 'active', \"disabled_at\" TIMESTAMP WITH TIME ZONE, \"disabled_reason\" character varying(200), \"created_by\" uuid NOT NULL, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_19bfa930e7e506b32d03f777b67\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"idx_eap_webhook_endpoints_vendor\" ON \"eap_webhook_endpoints\"  (\"vendor_id\") ");
    await queryRunner.query("CREATE TABLE \"eap_webhook_deliveries\" (\"id\" uuid NOT NULL DEFAULT uuid_generate_v4(), \"message_id\" character varying(40) NOT NULL, \"endpoint_id\" uuid NOT NULL, \"attempt\" integer NOT NULL, \"outcome\" character varying(10) NOT NULL, \"status_code\" integer, \"error\" character varying(500), \"duration_ms\" integer, \"attempted_at\" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT \"PK_d86e1927dbeccf06590b52c8c50\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"idx_eap_webhook_deliveries_message\" ON \"eap_webhook_deliveries\"  (\"message_id\") ");
    await queryRunner.query("CREATE INDEX \"idx_eap_webhook_deliveries_endpoint\" ON \"eap_webhook_deliveries\"  (\"endpoint_id\", \"attempted_at\") ");
    await queryRunner.query("CREATE TABLE \"eap_webhook_messages\" (\"id\" character varying(40) NOT NULL, \"vendor_id\" uuid NOT NULL, \"endpoint_id\" uuid NOT NULL, \"referral_id\" uuid, \"worker_id\" uuid, \"event_type\" character varying(60) NOT NULL, \"carries_data\" boolean NOT NULL, \"body\" text NOT NULL, \"status\" character varying(10) NOT NULL DEFAULT 'pending', \"attempts\" integer NOT NULL DEFAULT '0', \"last_error\" character varying(500), \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"finished_at\" TIMESTAMP WITH TIME ZONE, CONSTRAINT \"PK_833ed9820dc0f519423f88c2006\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"idx_eap_webhook_messages_endpoint\" ON \"eap_webhook_messages\"  (\"endpoint_id\", \"created_at\") ");
    await queryRunner.query("CREATE INDEX \"idx_eap_webhook_messages_worker\" ON \"eap_webhook_messages\"  (\"vendor_id\", \"worker_id\", \"status\") ");
    await queryRunner.query("CREATE TABLE \"eap_inbound_webhooks\" (\"id\" uuid NOT NULL DEFAULT uuid_generate_v4(), \"vendor_id\" uuid, \"webhook_id\" character varying(200), \"event_type\" character varying(60), \"outcome\" character varying(20) NOT NULL, \"reason\" character varying(200), \"ip\" character varying(64), \"accepted_key\" character varying(300), \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT \"PK_5b4a4dbe78602c4bc80d7fac19d\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"idx_eap_inbound_webhooks_vendor\" ON \"eap_inbound_webhooks\"  (\"vendor_id\", \"created_at\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_eap_inbound_webhooks_accepted\" ON \"eap_inbound_webhooks\"  (\"accepted_key\") ");
    await queryRunner.query("ALTER TABLE \"eap_api_keys\" ADD CONSTRAINT \"FK_6cb182a98a6dcc0900d6c354375\" FOREIGN KEY (\"vendor_id\") REFERENCES \"eap_vendors\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"eap_contracts\" ADD CONSTRAINT \"FK_7aa9b4a3a93b00617e779d0f724\" FOREIGN KEY (\"vendor_id\") REFERENCES \"eap_vendors\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"eap_referrals\" ADD CONSTRAINT \"FK_9fc0da1d3e44da400327ab09367\" FOREIGN KEY (\"vendor_id\") REFERENCES \"eap_vendors\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"eap_referral_events\" ADD CONSTRAINT \"FK_d489901bdde24b5830a506a77d5\" FOREIGN KEY (\"referral_id\") REFERENCES \"eap_referrals\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"eap_webhook_endpoints\" ADD CONSTRAINT \"FK_38e3be0ec36455a7b032b651dbc\" FOREIGN KEY (\"vendor_id\") REFERENCES \"eap_vendors\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"eap_webhook_endpoints\" DROP CONSTRAINT \"FK_38e3be0ec36455a7b032b651dbc\"");
    await queryRunner.query("ALTER TABLE \"eap_referral_events\" DROP CONSTRAINT \"FK_d489901bdde24b5830a506a77d5\"");
    await queryRunner.query("ALTER TABLE \"eap_referrals\" DROP CONSTRAINT \"FK_9fc0da1d3e44da400327ab09367\"");
    await queryRunner.query("ALTER TABLE \"eap_contracts\" DROP CONSTRAINT \"FK_7aa9b4a3a93b00617e779d0f724\"");
    await queryRunner.query("ALTER TABLE \"eap_api_keys\" DROP CONSTRAINT \"FK_6cb182a98a6dcc0900d6c354375\"");
    await queryRunner.query("DROP INDEX \"public\".\"uq_eap_inbound_webhooks_accepted\"");
    await queryRunner.query("DROP INDEX \"public\".\"idx_eap_inbound_webhooks_vendor\"");
    await queryRunner.query("DROP TABLE \"eap_inbound_webhooks\"");
    await queryRunner.query("DROP INDEX \"public\".\"idx_eap_webhook_messages_worker\"");
    await queryRunner.query("DROP INDEX \"public\".\"idx_eap_webhook_messages_endpoint\"");
    await queryRunner.query("DROP TABLE \"eap_webhook_messages\"");
    await queryRunner.query("DROP INDEX \"public\".\"idx_eap_webhook_deliveries_endpoint\"");
    await queryRunner.query("DROP INDEX \"public\".\"idx_eap_webhook_deliveries_message\"");
    await queryRunner.query("DROP TABLE \"eap_webhook_deliveries\"");
    await queryRunner.query("DROP INDEX \"public\".\"idx_eap_webhook_endpoints_vendor\"");
    await queryRunner.query("DROP TABLE \"eap_webhook_endpoints\"");
    await queryRunner.query("DROP INDEX \"public\".\"uq_eap_referral_events_session\"");
    await queryRunner.query("DROP INDEX \"public\".\"idx_eap_referral_events_referral\"");
    await queryRunner.query("DROP INDEX \"public\".\"idx_eap_referral_events_contract\"");
    await queryRunner.query("DROP TABLE \"eap_referral_events\"");
    await queryRunner.query("DROP INDEX \"public\".\"uq_eap_referrals_vendor_ref\"");
    await queryRunner.query("DROP INDEX \"public\".\"idx_eap_referrals_vendor_sent\"");
    await queryRunner.query("DROP INDEX \"public\".\"idx_eap_referrals_worker\"");
    await queryRunner.query("DROP INDEX \"public\".\"idx_eap_referrals_contract\"");
    await queryRunner.query("DROP TABLE \"eap_referrals\"");
    await queryRunner.query("DROP INDEX \"public\".\"idx_eap_contracts_vendor_unit\"");
    await queryRunner.query("DROP INDEX \"public\".\"idx_eap_contracts_unit\"");
    await queryRunner.query("DROP TABLE \"eap_contracts\"");
    await queryRunner.query("DROP INDEX \"public\".\"uq_eap_api_keys_hash\"");
    await queryRunner.query("DROP INDEX \"public\".\"idx_eap_api_keys_vendor\"");
    await queryRunner.query("DROP TABLE \"eap_api_keys\"");
    await queryRunner.query("DROP INDEX \"public\".\"uq_eap_vendors_name\"");
    await queryRunner.query("DROP TABLE \"eap_vendors\"");
  }
}
