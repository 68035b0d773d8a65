import type { MigrationInterface, QueryRunner } from 'typeorm';

export class IndividualTier1795610555145 implements MigrationInterface {
  name = 'IndividualTier1795610555145';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"individual_history\" (\"id\" SERIAL NOT NULL, \"subject_type\" character varying(20) NOT NULL, \"subject_id\" uuid NOT NULL, \"worker_id\" uuid, \"action\" character varying(40) NOT NULL, \"from_value\" character varying(80), \"to_value\" character varying(80), \"reason\" text, \"actor_id\" uuid, \"actor_label\" character varying(80), \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT \"PK_e1ab3646d04a49f6e366b59cf29\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"idx_individual_history_subject\" ON \"individual_history\"  (\"subject_type\", \"subject_id\", \"created_at\") ");
    await queryRunner.query("CREATE TABLE \"break_glass_grants\" (\"id\" uuid NOT NULL DEFAULT uuid_generate_v4(), \"user_id\" uuid NOT NULL, \"user_unit_id\" uuid NOT NULL, \"worker_id\" uuid NOT NULL, \"worker_unit_id\" uuid NOT NULL, \"reason\" text NOT NULL, \"expires_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"reviewed_at\" TIMESTAMP WITH TIME ZONE, \"reviewed_by\" uuid, \"review_note\" text, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT \"PK_b02d16f7854de523ef0f7ba9799\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"idx_break_glass_review\" ON \"break_glass_grants\"  (\"reviewed_at\", \"created_at\") ");
    await queryRunner.query("CREATE INDEX \"idx_break_glass_user_worker\" ON \"break_glass_grants\"  (\"user_id\", \"worker_id\", \"expires_at\") ");
    await queryRunner.query("CREATE TABLE \"crisis_cases\" (\"id\" uuid NOT NULL, \"worker_id\" uuid NOT NULL, \"org_unit_id\" uuid NOT NULL, \"level\" character varying(10) NOT NULL, \"state\" character varying(20) NOT NULL, \"active\" boolean NOT NULL, \"due_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"assignee_id\" uuid, \"source_type\" character varying(20) NOT NULL, \"source_id\" character varying(64), \"summary\" text, \"opened_by\" uuid, \"acknowledged_at\" TIMESTAMP WITH TIME ZONE, \"acknowledged_by\" uuid, \"escalation_step\" integer NOT NULL DEFAULT '0', \"escalated_unit_id\" uuid, \"next_escalation_at\" TIMESTAMP WITH TIME ZONE, \"closed_at\" TIMESTAMP WITH TIME ZONE, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_7793a0755bbe5c9cdc970364a6e\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"idx_crisis_cases_worker\" ON \"crisis_cases\"  (\"worker_id\", \"created_at\") ");
    await queryRunner.query("CREATE INDEX \"idx_crisis_cases_assignee_due\" ON \"crisis_cases\"  (\"assignee_id\", \"active\", \"due_at\", \"id\") ");
    await queryRunner.query("CREATE INDEX \"idx_crisis_cases_state_due\" ON \"crisis_cases\"  (\"state\", \"due_at\", \"id\") ");
    await queryRunner.query("CREATE INDEX \"idx_crisis_cases_active_due\" ON \"crisis_cases\"  (\"active\", \"due_at\", \"id\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_crisis_cases_source\" ON \"crisis_cases\"  (\"source_type\", \"source_id\") ");
    await queryRunner.query("CREATE TABLE \"crisis_case_notes\" (\"id\" uuid NOT NULL DEFAULT uuid_generate_v4(), \"case_id\" uuid NOT NULL, \"author_id\" uuid NOT NULL, \"body\" text NOT NULL, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT \"PK_17aa89588026f959542f003570e\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"idx_crisis_case_notes_case\" ON \"crisis_case_notes\"  (\"case_id\", \"created_at\") ");
    await queryRunner.query("CREATE TABLE \"crisis_risk_assessments\" (\"id\" uuid NOT NULL DEFAULT uuid_generate_v4(), \"case_id\" uuid NOT NULL, \"worker_id\" uuid NOT NULL, \"assessed_by\" uuid NOT NULL, \"details\" text NOT NULL, \"suggested_level\" character varying(10) NOT NULL, \"judgement\" character varying(10) NOT NULL, \"level_before\" character varying(10) NOT NULL, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT \"PK_15573296450393da5b76864c4f0\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"idx_crisis_risk_assessments_case\" ON \"crisis_risk_assessments\"  (\"case_id\", \"created_at\") ");
    await queryRunner.query("CREATE TABLE \"safety_plans\" (\"id\" uuid NOT NULL DEFAULT uuid_generate_v4(), \"worker_id\" uuid NOT NULL, \"case_id\" uuid, \"version\" integer NOT NULL, \"content\" text NOT NULL, \"created_by\" uuid NOT NULL, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT \"PK_20b0f16be4a56d72a0573175c61\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_safety_plans_worker_version\" ON \"safety_plans\"  (\"worker_id\", \"version\") ");
    await queryRunner.query("CREATE TABLE \"duty_shifts\" (\"id\" uuid NOT NULL DEFAULT uuid_generate_v4(), \"org_unit_id\" uuid NOT NULL, \"user_id\" uuid NOT NULL, \"starts_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"ends_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"created_by\" uuid NOT NULL, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT \"PK_abbef013ddbf7e4e4be50c72f22\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"idx_duty_shifts_user\" ON \"duty_shifts\"  (\"user_id\", \"starts_at\") ");
    await queryRunner.query("CREATE INDEX \"idx_duty_shifts_unit_ends\" ON \"duty_shifts\"  (\"org_unit_id\", \"ends_at\") ");
    await queryRunner.query("CREATE TABLE \"referral_follow_ups\" (\"id\" uuid NOT NULL DEFAULT uuid_generate_v4(), \"referral_id\" uuid NOT NULL, \"worker_id\" uuid NOT NULL, \"assignee_id\" uuid NOT NULL, \"seq\" integer NOT NULL, \"due_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"task_created_at\" TIMESTAMP WITH TIME ZONE, \"completed_at\" TIMESTAMP WITH TIME ZONE, \"completed_by\" uuid, \"contact_made\" boolean, \"note\" text, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT \"PK_92fc1b4d968df2d58dce0b93a3b\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"idx_referral_follow_ups_assignee\" ON \"referral_follow_ups\"  (\"assignee_id\", \"completed_at\", \"due_at\") ");
    await queryRunner.query("CREATE INDEX \"idx_referral_follow_ups_due\" ON \"referral_follow_ups\"  (\"completed_at\", \"due_at\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_referral_follow_ups_seq\" ON \"referral_follow_ups\"  (\"referral_id\", \"seq\") ");
    await queryRunner.query("CREATE TABLE \"referrals\" (\"id\" uuid NOT NULL, \"worker_id\" uuid NOT NULL, \"org_unit_id\" uuid NOT NULL, \"case_id\" uuid, \"owner_id\" uuid, \"provider_type\" character varying(30), \"provider_name\" character varying(200), \"vendor_id\" character varying(64), \"reason\" text, \"state\" character varying(20) NOT NULL, \"open\" boolean NOT NULL, \"source_type\" character varying(20) NOT NULL, \"source_id\" character varying(64), \"sent_at\" TIMESTAMP WITH TIME ZONE, \"outcome_at\" TIMESTAMP WITH TIME ZONE, \"outcome_note\" text, \"created_by\" uuid, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_ea9980e34f738b6252817326c08\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"idx_referrals_case\" ON \"referrals\"  (\"case_id\") ");
    await queryRunner.query("CREATE INDEX \"idx_referrals_owner\" ON \"referrals\"  (\"owner_id\", \"open\") ");
    await queryRunner.query("CREATE INDEX \"idx_referrals_open_state\" ON \"referrals\"  (\"open\", \"state\", \"created_at\") ");
    await queryRunner.query("CREATE INDEX \"idx_referrals_worker\" ON \"referrals\"  (\"worker_id\", \"created_at\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_referrals_source\" ON \"referrals\"  (\"source_type\", \"source_id\") ");
    await queryRunner.query("CREATE TABLE \"campaign_members\" (\"campaign_id\" uuid NOT NULL, \"worker_id\" uuid NOT NULL, CONSTRAINT \"PK_797f95834528044ca7f61ff7b32\" PRIMARY KEY (\"campaign_id\", \"worker_id\"))");
    await queryRunner.query("CREATE INDEX \"idx_campaign_members_worker\" ON \"campaign_members\"  (\"worker_id\") ");
    await queryRunner.query("CREATE TABLE \"critical_incidents\" (\"id\" uuid NOT NULL DEFAULT uuid_generate_v4(), \"org_unit_id\" uuid NOT NULL, \"type\" character varying(30) NOT NULL, \"title\" character varying(200) NOT NULL, \"description\" text, \"occurred_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"affected_by\" character varying(10) NOT NULL, \"affected_count\" integer NOT NULL, \"state\" character varying(10) NOT NULL, \"created_by\" uuid NOT NULL, \"closed_at\" TIMESTAMP WITH TIME ZONE, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_47f83027a1ae4b3310bf6e46291\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"idx_critical_incidents_unit\" ON \"critical_incidents\"  (\"org_unit_id\", \"occurred_at\") ");
    await queryRunner.query("CREATE TABLE \"incident_workers\" (\"incident_id\" uuid NOT NULL, \"worker_id\" uuid NOT NULL, CONSTRAINT \"PK_4e4cf3811c207d15b07ac11b2d6\" PRIMARY KEY (\"incident_id\", \"worker_id\"))");
    await queryRunner.query("CREATE INDEX \"idx_incident_workers_worker\" ON \"incident_workers\"  (\"worker_id\") ");
    await queryRunner.query("CREATE TABLE \"incident_sessions\" (\"id\" uuid NOT NULL DEFAULT uuid_generate_v4(), \"incident_id\" uuid NOT NULL, \"kind\" character varying(30) NOT NULL, \"starts_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"location\" character varying(200), \"facilitator_id\" uuid, \"created_by\" uuid NOT NULL, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT \"PK_ae69d6a2770266e9488d880b254\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"idx_incident_sessions_incident\" ON \"incident_sessions\"  (\"incident_id\", \"starts_at\") ");
    await queryRunner.query("CREATE TABLE \"incident_attendance\" (\"session_id\" uuid NOT NULL, \"worker_id\" uuid NOT NULL, \"incident_id\" uuid NOT NULL, \"attended\" boolean NOT NULL, \"recorded_by\" uuid NOT NULL, \"recorded_at\" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT \"PK_24e7d22d774a659fa1c66b53708\" PRIMARY KEY (\"session_id\", \"worker_id\"))");
    await queryRunner.query("CREATE INDEX \"idx_incident_attendance_incident\" ON \"incident_attendance\"  (\"incident_id\", \"worker_id\") ");
    await queryRunner.query("CREATE TABLE \"incident_screenings\" (\"incident_id\" uuid NOT NULL, \"campaign_id\" uuid NOT NULL, \"round\" integer NOT NULL, \"offset_days\" integer NOT NULL, \"opens_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"closes_at\" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT \"PK_a47c729fa639a3ee20a9cd145d8\" PRIMARY KEY (\"incident_id\", \"campaign_id\"))");
    await queryRunner.query("ALTER TABLE \"screening_campaigns\" ADD \"audience\" character varying(10) NOT NULL DEFAULT 'units'");
    await queryRunner.query("ALTER TABLE \"crisis_cases\" ADD CONSTRAINT \"FK_9bb0ffd00bfda757454524fbdce\" FOREIGN KEY (\"worker_id\") REFERENCES \"workers\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"referrals\" ADD CONSTRAINT \"FK_92aaf941f9b6ca1490d5a043401\" FOREIGN KEY (\"worker_id\") REFERENCES \"workers\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"referrals\" DROP CONSTRAINT \"FK_92aaf941f9b6ca1490d5a043401\"");
    await queryRunner.query("ALTER TABLE \"crisis_cases\" DROP CONSTRAINT \"FK_9bb0ffd00bfda757454524fbdce\"");
    await queryRunner.query("ALTER TABLE \"screening_campaigns\" DROP COLUMN \"audience\"");
    await queryRunner.query("DROP TABLE \"incident_screenings\"");
    await queryRunner.query("DROP INDEX \"public\".\"idx_incident_attendance_incident\"");
    await queryRunner.query("DROP TABLE \"incident_attendance\"");
    await queryRunner.query("DROP INDEX \"public\".\"idx_incident_sessions_incident\"");
    await queryRunner.query("DROP TABLE \"incident_sessions\"");
    await queryRunner.query("DROP INDEX \"public\".\"idx_incident_workers_worker\"");
    await queryRunner.query("DROP TABLE \"incident_workers\"");
    await queryRunner.query("DROP INDEX \"public\".\"idx_critical_incidents_unit\"");
    await queryRunner.query("DROP TABLE \"critical_incidents\"");
    await queryRunner.query("DROP INDEX \"public\".\"idx_campaign_members_worker\"");
    await queryRunner.query("DROP TABLE \"campaign_members\"");
    await queryRunner.query("DROP INDEX \"public\".\"uq_referrals_source\"");
    await queryRunner.query("DROP INDEX \"public\".\"idx_referrals_worker\"");
    await queryRunner.query("DROP INDEX \"public\".\"idx_referrals_open_state\"");
    await queryRunner.query("DROP INDEX \"public\".\"idx_referrals_owner\"");
    await queryRunner.query("DROP INDEX \"public\".\"idx_referrals_case\"");
    await queryRunner.query("DROP TABLE \"referrals\"");
    await queryRunner.query("DROP INDEX \"public\".\"uq_referral_follow_ups_seq\"");
    await queryRunner.query("DROP INDEX \"public\".\"idx_referral_follow_ups_due\"");
    await queryRunner.query("DROP INDEX \"public\".\"idx_referral_follow_ups_assignee\"");
    await queryRunner.query("DROP TABLE \"referral_follow_ups\"");
    await queryRunner.query("DROP INDEX \"public\".\"idx_duty_shifts_unit_ends\"");
    await queryRunner.query("DROP INDEX \"public\".\"idx_duty_shifts_user\"");
    await queryRunner.query("DROP TABLE \"duty_shifts\"");
    await queryRunner.query("DROP INDEX \"public\".\"uq_safety_plans_worker_version\"");
    await queryRunner.query("DROP TABLE \"safety_plans\"");
    await queryRunner.query("DROP INDEX \"public\".\"idx_crisis_risk_assessments_case\"");
    await queryRunner.query("DROP TABLE \"crisis_risk_assessments\"");
    await queryRunner.query("DROP INDEX \"public\".\"idx_crisis_case_notes_case\"");
    await queryRunner.query("DROP TABLE \"crisis_case_notes\"");
    await queryRunner.query("DROP INDEX \"public\".\"uq_crisis_cases_source\"");
    await queryRunner.query("DROP INDEX \"public\".\"idx_crisis_cases_active_due\"");
    await queryRunner.query("DROP INDEX \"public\".\"idx_crisis_cases_state_due\"");
    await queryRunner.query("DROP INDEX \"public\".\"idx_crisis_cases_assignee_due\"");
    await queryRunner.query("DROP INDEX \"public\".\"idx_crisis_cases_worker\"");
    await queryRunner.query("DROP TABLE \"crisis_cases\"");
    await queryRunner.query("DROP INDEX \"public\".\"idx_break_glass_user_worker\"");
    await queryRunner.query("DROP INDEX \"public\".\"idx_break_glass_review\"");
    await queryRunner.query("DROP TABLE \"break_glass_grants\"");
    await queryRunner.query("DROP INDEX \"public\".\"idx_individual_history_subject\"");
    await queryRunner.query("DROP TABLE \"individual_history\"");
  }
}
