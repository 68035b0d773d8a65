import type { MigrationInterface, QueryRunner } from 'typeorm';

export class SubgroupTier1795608389910 implements MigrationInterface {
  name = 'SubgroupTier1795608389910';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"subgroups\" (\"code\" character varying(30) NOT NULL, \"name_zh\" character varying(50) NOT NULL, \"name_en\" character varying(100) NOT NULL, \"task_zh\" character varying(100) NOT NULL, \"task_en\" character varying(200) NOT NULL, \"sensitive\" boolean NOT NULL DEFAULT false, \"position\" integer NOT NULL DEFAULT '0', CONSTRAINT \"PK_e0160ff688209022e5d049091ab\" PRIMARY KEY (\"code\"))");
    await queryRunner.query("CREATE TABLE \"care_programmes\" (\"id\" uuid NOT NULL DEFAULT uuid_generate_v4(), \"subgroup_code\" character varying(30) NOT NULL, \"org_unit_id\" uuid NOT NULL, \"title\" character varying(200) NOT NULL, \"description\" text, \"eligibility\" jsonb NOT NULL, \"sensitive\" boolean NOT NULL DEFAULT false, \"auto_enrol\" boolean NOT NULL DEFAULT false, \"status\" character varying(10) NOT NULL DEFAULT 'draft', \"outcome_instruments\" jsonb NOT NULL, \"activated_at\" TIMESTAMP WITH TIME ZONE, \"closed_at\" TIMESTAMP WITH TIME ZONE, \"created_by\" uuid NOT NULL, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_34f890f6a5579304d1a7c463121\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"idx_care_programmes_auto_enrol\" ON \"care_programmes\"  (\"status\", \"auto_enrol\") ");
    await queryRunner.query("CREATE INDEX \"idx_care_programmes_unit_status\" ON \"care_programmes\"  (\"org_unit_id\", \"status\") ");
    await queryRunner.query("CREATE TABLE \"programme_enrolments\" (\"programme_id\" uuid NOT NULL, \"worker_id\" uuid NOT NULL, \"org_unit_id\" uuid NOT NULL, \"status\" character varying(12) NOT NULL, \"source\" character varying(8) NOT NULL, \"invitation_sent_at\" TIMESTAMP WITH TIME ZONE, \"status_changed_at\" TIMESTAMP WITH TIME ZONE, \"status_changed_by\" uuid, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT \"PK_13a7ab998aab7de1329efb5ff2c\" PRIMARY KEY (\"programme_id\", \"worker_id\"))");
    await queryRunner.query("CREATE INDEX \"idx_programme_enrolments_worker\" ON \"programme_enrolments\"  (\"worker_id\") ");
    await queryRunner.query("CREATE INDEX \"idx_programme_enrolments_status\" ON \"programme_enrolments\"  (\"programme_id\", \"status\", \"worker_id\") ");
    await queryRunner.query("CREATE TABLE \"programme_activities\" (\"id\" uuid NOT NULL DEFAULT uuid_generate_v4(), \"programme_id\" uuid NOT NULL, \"kind\" character varying(15) NOT NULL, \"title\" character varying(200) NOT NULL, \"scheduled_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"responsible_id\" uuid NOT NULL, \"status\" character varying(10) NOT NULL DEFAULT 'scheduled', \"instrument_codes\" jsonb, \"phase\" character varying(10), \"campaign_id\" uuid, \"course_id\" uuid, \"event_id\" uuid, \"created_by\" uuid NOT NULL, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT \"PK_7890acf85dd723597ca698679c4\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"idx_programme_activities_programme\" ON \"programme_activities\"  (\"programme_id\", \"scheduled_at\") ");
    await queryRunner.query("CREATE TABLE \"programme_tasks\" (\"id\" uuid NOT NULL DEFAULT uuid_generate_v4(), \"programme_id\" uuid NOT NULL, \"activity_id\" uuid NOT NULL, \"assignee_id\" uuid NOT NULL, \"worker_id\" uuid, \"kind\" character varying(20) NOT NULL, \"due_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"status\" character varying(10) NOT NULL DEFAULT 'open', \"outcome\" character varying(12), \"note\" text, \"completed_at\" TIMESTAMP WITH TIME ZONE, \"completed_by\" uuid, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT \"PK_c35c293dfaec0905c84fc60113f\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_programme_tasks_activity_worker\" ON \"programme_tasks\"  (\"activity_id\", \"worker_id\") ");
    await queryRunner.query("CREATE INDEX \"idx_programme_tasks_assignee\" ON \"programme_tasks\"  (\"assignee_id\", \"status\", \"due_at\") ");
    await queryRunner.query("CREATE TABLE \"programme_attendance\" (\"activity_id\" uuid NOT NULL, \"worker_id\" uuid NOT NULL, \"programme_id\" uuid NOT NULL, \"status\" character varying(8) NOT NULL, \"recorded_by\" uuid NOT NULL, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT \"PK_796b13beeb8fd8c7bc86aa5eb46\" PRIMARY KEY (\"activity_id\", \"worker_id\"))");
    await queryRunner.query("CREATE INDEX \"idx_programme_attendance_worker\" ON \"programme_attendance\"  (\"worker_id\") ");
    await queryRunner.query("CREATE TABLE \"certifications\" (\"id\" uuid NOT NULL DEFAULT uuid_generate_v4(), \"user_id\" uuid NOT NULL, \"type\" character varying(30) NOT NULL, \"issued_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"expires_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"source\" character varying(8) NOT NULL, \"course_id\" uuid, \"issued_by\" uuid NOT NULL, \"revoked_at\" TIMESTAMP WITH TIME ZONE, \"revoked_by\" uuid, \"expiry_flagged_at\" TIMESTAMP WITH TIME ZONE, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT \"PK_fd763d412e4a1fb1b6dadd6e72b\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"idx_certifications_type_expiry\" ON \"certifications\"  (\"type\", \"expires_at\") ");
    await queryRunner.query("CREATE INDEX \"idx_certifications_holder\" ON \"certifications\"  (\"user_id\", \"type\", \"expires_at\") ");
    await queryRunner.query("CREATE TABLE \"training_courses\" (\"id\" uuid NOT NULL DEFAULT uuid_generate_v4(), \"org_unit_id\" uuid NOT NULL, \"title\" character varying(200) NOT NULL, \"description\" text, \"topic\" character varying(30) NOT NULL, \"methods\" jsonb NOT NULL, \"audience\" character varying(20) NOT NULL, \"passing_score\" integer NOT NULL DEFAULT '60', \"certification_type\" character varying(30), \"certification_months\" integer, \"status\" character varying(10) NOT NULL DEFAULT 'active', \"created_by\" uuid NOT NULL, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_13bbeecb2ed8a1f45be3c02d68e\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"idx_training_courses_unit\" ON \"training_courses\"  (\"org_unit_id\", \"status\") ");
    await queryRunner.query("CREATE TABLE \"training_sessions\" (\"id\" uuid NOT NULL DEFAULT uuid_generate_v4(), \"course_id\" uuid NOT NULL, \"title\" character varying(200) NOT NULL, \"method\" character varying(20) NOT NULL, \"starts_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"ends_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"ce_minutes\" integer NOT NULL, \"place\" character varying(300), \"created_by\" uuid NOT NULL, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT \"PK_6678399f77ed9db5176459befa9\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"idx_training_sessions_course\" ON \"training_sessions\"  (\"course_id\", \"starts_at\") ");
    await queryRunner.query("CREATE TABLE \"training_assessments\" (\"id\" uuid NOT NULL DEFAULT uuid_generate_v4(), \"course_id\" uuid NOT NULL, \"user_id\" uuid NOT NULL, \"score\" integer NOT NULL, \"passed\" boolean NOT NULL, \"certification_id\" uuid, \"assessed_by\" uuid NOT NULL, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT \"PK_9d325bd9486ee51be1ed4eed042\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"idx_training_assessments_user\" ON \"training_assessments\"  (\"user_id\", \"course_id\") ");
    await queryRunner.query("CREATE TABLE \"training_attendance\" (\"session_id\" uuid NOT NULL, \"user_id\" uuid NOT NULL, \"course_id\" uuid NOT NULL, \"present\" boolean NOT NULL, \"starts_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"ce_minutes\" integer NOT NULL, \"recorded_by\" uuid NOT NULL, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT \"PK_f455c1b98bced77587aee79814d\" PRIMARY KEY (\"session_id\", \"user_id\"))");
    await queryRunner.query("CREATE INDEX \"idx_training_attendance_user\" ON \"training_attendance\"  (\"user_id\", \"starts_at\") ");
    await queryRunner.query("ALTER TABLE \"care_programmes\" ADD CONSTRAINT \"FK_2b9842625294bf990f421a2e257\" FOREIGN KEY (\"subgroup_code\") REFERENCES \"subgroups\"(\"code\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    // The four subgroups of the “线” subsystem (data, not code: a later migration may add one).
    await queryRunner.query(
      `INSERT INTO "subgroups" ("code", "name_zh", "name_en", "task_zh", "task_en", "sensitive", "position") VALUES
        ('leader_cadres', '领导干部', 'Leader cadres', '领导干部心理健康维护', 'Mental health of leader cadres', false, 1),
        ('women', '妇女', 'Women workers', '妇女心理健康维护', 'Mental health of women workers', true, 2),
        ('career_change', '职业生涯变动', 'Career change', '职业生涯变动心理健康维护', 'Mental health through career change (transfer, redundancy, retirement, return to work)', true, 3),
        ('special_posts', '特殊岗位', 'Special posts', '特殊岗位心理健康维护', 'Mental health on special and high-risk posts', false, 4)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"care_programmes\" DROP CONSTRAINT \"FK_2b9842625294bf990f421a2e257\"");
    await queryRunner.query("DROP INDEX \"public\".\"idx_training_attendance_user\"");
    await queryRunner.query("DROP TABLE \"training_attendance\"");
    await queryRunner.query("DROP INDEX \"public\".\"idx_training_assessments_user\"");
    await queryRunner.query("DROP TABLE \"training_assessments\"");
    await queryRunner.query("DROP INDEX \"public\".\"idx_training_sessions_course\"");
    await queryRunner.query("DROP TABLE \"training_sessions\"");
    await queryRunner.query("DROP INDEX \"public\".\"idx_training_courses_unit\"");
    await queryRunner.query("DROP TABLE \"training_courses\"");
    await queryRunner.query("DROP INDEX \"public\".\"idx_certifications_holder\"");
    await queryRunner.query("DROP INDEX \"public\".\"idx_certifications_type_expiry\"");
    await queryRunner.query("DROP TABLE \"certifications\"");
    await queryRunner.query("DROP INDEX \"public\".\"idx_programme_attendance_worker\"");
    await queryRunner.query("DROP TABLE \"programme_attendance\"");
    await queryRunner.query("DROP INDEX \"public\".\"idx_programme_tasks_assignee\"");
    await queryRunner.query("DROP INDEX \"public\".\"uq_programme_tasks_activity_worker\"");
    await queryRunner.query("DROP TABLE \"programme_tasks\"");
    await queryRunner.query("DROP INDEX \"public\".\"idx_programme_activities_programme\"");
    await queryRunner.query("DROP TABLE \"programme_activities\"");
    await queryRunner.query("DROP INDEX \"public\".\"idx_programme_enrolments_status\"");
    await queryRunner.query("DROP INDEX \"public\".\"idx_programme_enrolments_worker\"");
    await queryRunner.query("DROP TABLE \"programme_enrolments\"");
    await queryRunner.query("DROP INDEX \"public\".\"idx_care_programmes_unit_status\"");
    await queryRunner.query("DROP INDEX \"public\".\"idx_care_programmes_auto_enrol\"");
    await queryRunner.query("DROP TABLE \"care_programmes\"");
    await queryRunner.query("DROP TABLE \"subgroups\"");
  }
}
