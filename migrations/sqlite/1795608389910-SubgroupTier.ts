import type { MigrationInterface, QueryRunner } from 'typeorm';

export class SubgroupTier1795608389910 implements MigrationInterface {
  name = 'SubgroupTier1795608389910';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"subgroups\" (\"code\" varchar(30) PRIMARY KEY NOT NULL, \"name_zh\" varchar(50) NOT NULL, \"name_en\" varchar(100) NOT NULL, \"task_zh\" varchar(100) NOT NULL, \"task_en\" varchar(200) NOT NULL, \"sensitive\" boolean NOT NULL DEFAULT (0), \"position\" integer NOT NULL DEFAULT (0))");
    await queryRunner.query("CREATE TABLE \"care_programmes\" (\"id\" varchar PRIMARY KEY NOT NULL, \"subgroup_code\" varchar(30) NOT NULL, \"org_unit_id\" varchar NOT NULL, \"title\" varchar(200) NOT NULL, \"description\" text, \"eligibility\" text NOT NULL, \"sensitive\" boolean NOT NULL DEFAULT (0), \"auto_enrol\" boolean NOT NULL DEFAULT (0), \"status\" varchar(10) NOT NULL DEFAULT ('draft'), \"outcome_instruments\" text NOT NULL, \"activated_at\" datetime, \"closed_at\" datetime, \"created_by\" varchar NOT NULL, \"created_at\" datetime NOT NULL, \"updated_at\" datetime NOT NULL DEFAULT (datetime('now')))");
    await queryRunner.query("CREATE INDEX \"idx_care_programmes_auto_enrol\" ON \"care_programmes\" (\"status\", \"auto_enrol\") ");
    await queryRunner.query("CREATE INDEX \"idx_care_programmes_unit_status\" ON \"care_programmes\" (\"org_unit_id\", \"status\") ");
    await queryRunner.query("CREATE TABLE \"programme_enrolments\" (\"programme_id\" varchar NOT NULL, \"worker_id\" varchar NOT NULL, \"org_unit_id\" varchar NOT NULL, \"status\" varchar(12) NOT NULL, \"source\" varchar(8) NOT NULL, \"invitation_sent_at\" datetime, \"status_changed_at\" datetime, \"status_changed_by\" varchar, \"created_at\" datetime NOT NULL, PRIMARY KEY (\"programme_id\", \"worker_id\"))");
    await queryRunner.query("CREATE INDEX \"idx_programme_enrolments_worker\" ON \"programme_enrolments\" (\"worker_id\") ");
    await queryRunner.query("CREATE INDEX \"idx_programme_enrolments_status\" ON \"programme_enrolments\" (\"programme_id\", \"status\", \"worker_id\") ");
    await queryRunner.query("CREATE TABLE \"programme_activities\" (\"id\" varchar PRIMARY KEY NOT NULL, \"programme_id\" varchar NOT NULL, \"kind\" varchar(15) NOT NULL, \"title\" varchar(200) NOT NULL, \"scheduled_at\" datetime NOT NULL, \"responsible_id\" varchar NOT NULL, \"status\" varchar(10) NOT NULL DEFAULT ('scheduled'), \"instrument_codes\" text, \"phase\" varchar(10), \"campaign_id\" varchar, \"course_id\" varchar, \"event_id\" varchar, \"created_by\" varchar NOT NULL, \"created_at\" datetime NOT NULL)");
    await queryRunner.query("CREATE INDEX \"idx_programme_activities_programme\" ON \"programme_activities\" (\"programme_id\", \"scheduled_at\") ");
    await queryRunner.query("CREATE TABLE \"programme_tasks\" (\"id\" varchar PRIMARY KEY NOT NULL, \"programme_id\" varchar NOT NULL, \"activity_id\" varchar NOT NULL, \"assignee_id\" varchar NOT NULL, \"worker_id\" varchar, \"kind\" varchar(20) NOT NULL, \"due_at\" datetime NOT NULL, \"status\" varchar(10) NOT NULL DEFAULT ('open'), \"outcome\" varchar(12), \"note\" text, \"completed_at\" datetime, \"completed_by\" varchar, \"created_at\" datetime NOT NULL)");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_programme_tasks_activity_worker\" ON \"programme_tasks\" (\"activity_id\", \"worker_id\") ");
    await queryRunner.query("CREATE INDEX \"idx_programme_tasks_assignee\" ON \"programme_tasks\" (\"assignee_id\", \"status\", \"due_at\") ");
    await queryRunner.query("CREATE TABLE \"programme_attendance\" (\"activity_id\" varchar NOT NULL, \"worker_id\" varchar NOT NULL, \"programme_id\" varchar NOT NULL, \"status\" varchar(8) NOT NULL, \"recorded_by\" varchar NOT NULL, \"created_at\" datetime NOT NULL, PRIMARY KEY (\"activity_id\", \"worker_id\"))");
    await queryRunner.query("CREATE INDEX \"idx_programme_attendance_worker\" ON \"programme_attendance\" (\"worker_id\") ");
    await queryRunner.query("CREATE TABLE \"certifications\" (\"id\" varchar PRIMARY KEY NOT NULL, \"user_id\" varchar NOT NULL, \"type\" varchar(30) NOT NULL, \"issued_at\" datetime NOT NULL, \"expires_at\" datetime NOT NULL, \"source\" varchar(8) NOT NULL, \"course_id\" varchar, \"issued_by\" varchar NOT NULL, \"revoked_at\" datetime, \"revoked_by\" varchar, \"expiry_flagged_at\" datetime, \"created_at\" datetime NOT NULL)");
    await queryRunner.query("CREATE INDEX \"idx_certifications_type_expiry\" ON \"certifications\" (\"type\", \"expires_at\") ");
    await queryRunner.query("CREATE INDEX \"idx_certifications_holder\" ON \"certifications\" (\"user_id\", \"type\", \"expires_at\") ");
    await queryRunner.query("CREATE TABLE \"training_courses\" (\"id\" varchar PRIMARY KEY NOT NULL, \"org_unit_id\" varchar NOT NULL, \"title\" varchar(200) NOT NULL, \"description\" text, \"topic\" varchar(30) NOT NULL, \"methods\" text NOT NULL, \"audience\" varchar(20) NOT NULL, \"passing_score\" integer NOT NULL DEFAULT (60), \"certification_type\" varchar(30), \"certification_months\" integer, \"status\" varchar(10) NOT NULL DEFAULT ('active'), \"created_by\" varchar NOT NULL, \"created_at\" datetime NOT NULL, \"updated_at\" datetime NOT NULL DEFAULT (datetime('now')))");
    await queryRunner.query("CREATE INDEX \"idx_training_courses_unit\" ON \"training_courses\" (\"org_unit_id\", \"status\") ");
    await queryRunner.query("CREATE TABLE \"training_sessions\" (\"id\" varchar PRIMARY KEY NOT NULL, \"course_id\" varchar NOT NULL, \"title\" varchar(200) NOT NULL, \"method\" varchar(20) NOT NULL, \"starts_at\" datetime NOT NULL, \"ends_at\" datetime NOT NULL, \"ce_minutes\" integer NOT NULL, \"place\" varchar(300), \"created_by\" varchar NOT NULL, \"created_at\" datetime NOT NULL)");
    await queryRunner.query("CREATE INDEX \"idx_training_sessions_course\" ON \"training_sessions\" (\"course_id\", \"starts_at\") ");
    await queryRunner.query("CREATE TABLE \"training_assessments\" (\"id\" varchar PRIMARY KEY NOT NULL, \"course_id\" varchar NOT NULL, \"user_id\" varchar NOT NULL, \"score\" integer NOT NULL, \"passed\" boolean NOT NULL, \"certification_id\" varchar, \"assessed_by\" varchar NOT NULL, \"created_at\" datetime NOT NULL)");
    await queryRunner.query("CREATE INDEX \"idx_training_assessments_user\" ON \"training_assessments\" (\"user_id\", \"course_id\") ");
    await queryRunner.query("CREATE TABLE \"training_attendance\" (\"session_id\" varchar NOT NULL, \"user_id\" varchar NOT NULL, \"course_id\" varchar NOT NULL, \"present\" boolean NOT NULL, \"starts_at\" datetime NOT NULL, \"ce_minutes\" integer NOT NULL, \"recorded_by\" varchar NOT NULL, \"created_at\" datetime NOT NULL, PRIMARY KEY (\"session_id\", \"user_id\"))");
    await queryRunner.query("CREATE INDEX \"idx_training_attendance_user\" ON \"training_attendance\" (\"user_id\", \"starts_at\") ");
    await queryRunner.query("DROP INDEX \"idx_care_programmes_auto_enrol\"");
    await queryRunner.query("DROP INDEX \"idx_care_programmes_unit_status\"");
    await queryRunner.query("CREATE TABLE \"temporary_care_programmes\" (\"id\" varchar PRIMARY KEY NOT NULL, \"subgroup_code\" varchar(30) NOT NULL, \"org_unit_id\" varchar NOT NULL, \"title\" varchar(200) NOT NULL, \"description\" text, \"eligibility\" text NOT NULL, \"sensitive\" boolean NOT NULL DEFAULT (0), \"auto_enrol\" boolean NOT NULL DEFAULT (0), \"status\" varchar(10) NOT NULL DEFAULT ('draft'), \"outcome_instruments\" text NOT NULL, \"activated_at\" datetime, \"closed_at\" datetime, \"created_by\" varchar NOT NULL, \"created_at\" datetime NOT NULL, \"updated_at\" datetime NOT NULL DEFAULT (datetime('now')), CONSTRAINT \"FK_2b9842625294bf990f421a2e257\" FOREIGN KEY (\"subgroup_code\") REFERENCES \"subgroups\" (\"code\") ON DELETE RESTRICT ON UPDATE NO ACTION)");
    await queryRunner.query("INSERT INTO \"temporary_care_programmes\"(\"id\", \"subgroup_code\", \"org_unit_id\", \"title\", \"description\", \"eligibility\", \"sensitive\", \"auto_enrol\", \"status\", \"outcome_instruments\", \"activated_at\", \"closed_at\", \"created_by\", \"created_at\", \"updated_at\") SELECT \"id\", \"subgroup_code\", \"org_unit_id\", \"title\", \"description\", \"eligibility\", \"sensitive\", \"auto_enrol\", \"status\", \"outcome_instruments\", \"activated_at\", \"closed_at\", \"created_by\", \"created_at\", \"updated_at\" FROM \"care_programmes\"");
    await queryRunner.query("DROP TABLE \"care_programmes\"");
    await queryRunner.query("ALTER TABLE \"temporary_care_programmes\" RENAME TO \"care_programmes\"");
    await queryRunner.query("CREATE INDEX \"idx_care_programmes_auto_enrol\" ON \"care_programmes\" (\"status\", \"auto_enrol\") ");
    await queryRunner.query("CREATE INDEX \"idx_care_programmes_unit_status\" ON \"care_programmes\" (\"org_unit_id\", \"status\") ");
    // The four subgroups of the “线” subsystem (data, not code: a later migration may add one).
    await queryRunner.query(
      `INSERT INTO "subgroups" ("code", "name_zh", "name_en", "task_zh", "task_en", "sensitive", "position") VALUES
        ('leader_cadres', '领导干部', 'Leader cadres', '领导干部心理健康维护', 'Mental health of leader cadres', 0, 1),
        ('women', '妇女', 'Women workers', '妇女心理健康维护', 'Mental health of women workers', 1, 2),
        ('career_change', '职业生涯变动', 'Career change', '职业生涯变动心理健康维护', 'Mental health through career change (transfer, redundancy, retirement, return to work)', 1, 3),
        ('special_posts', '特殊岗位', 'Special posts', '特殊岗位心理健康维护', 'Mental health on special and high-risk posts', 0, 4)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"idx_care_programmes_unit_status\"");
    await queryRunner.query("DROP INDEX \"idx_care_programmes_auto_enrol\"");
    await queryRunner.query("ALTER TABLE \"care_programmes\" RENAME TO \"temporary_care_programmes\"");
    await queryRunner.query("CREATE TABLE \"care_programmes\" (\"id\" varchar PRIMARY KEY NOT NULL, \"subgroup_code\" varchar(30) NOT NULL, \"org_unit_id\" varchar NOT NULL, \"title\" varchar(200) NOT NULL, \"description\" text, \"eligibility\" text NOT NULL, \"sensitive\" boolean NOT NULL DEFAULT (0), \"auto_enrol\" boolean NOT NULL DEFAULT (0), \"status\" varchar(10) NOT NULL DEFAULT ('draft'), \"outcome_instruments\" text NOT NULL, \"activated_at\" datetime, \"closed_at\" datetime, \"created_by\" varchar NOT NULL, \"created_at\" datetime NOT NULL, \"updated_at\" datetime NOT NULL DEFAULT (datetime('now')))");
    await queryRunner.query("INSERT INTO \"care_programmes\"(\"id\", \"subgroup_code\", \"org_unit_id\", \"title\", \"description\", \"eligibility\", \"sensitive\", \"auto_enrol\", \"status\", \"outcome_instruments\", \"activated_at\", \"closed_at\", \"created_by\", \"created_at\", \"updated_at\") SELECT \"id\", \"subgroup_code\", \"org_unit_id\", \"title\", \"description\", \"eligibility\", \"sensitive\", \"auto_enrol\", \"status\", \"outcome_instruments\", \"activated_at\", \"closed_at\", \"created_by\", \"created_at\", \"updated_at\" FROM \"temporary_care_programmes\"");
    await queryRunner.query("DROP TABLE \"temporary_care_programmes\"");
    await queryRunner.query("CREATE INDEX \"idx_care_programmes_unit_status\" ON \"care_programmes\" (\"org_unit_id\", \"status\") ");
    await queryRunner.query("CREATE INDEX \"idx_care_programmes_auto_enrol\" ON \"care_programmes\" (\"status\", \"auto_enrol\") ");
    await queryRunner.query("DROP INDEX \"idx_training_attendance_user\"");
    await queryRunner.query("DROP TABLE \"training_attendance\"");
    await queryRunner.query("DROP INDEX \"idx_training_assessments_user\"");
    await queryRunner.query("DROP TABLE \"training_assessments\"");
    await queryRunner.query("DROP INDEX \"idx_training_sessions_course\"");
    await queryRunner.query("DROP TABLE \"training_sessions\"");
    await queryRunner.query("DROP INDEX \"idx_training_courses_unit\"");
    await queryRunner.query("DROP TABLE \"training_courses\"");
    await queryRunner.query("DROP INDEX \"idx_certifications_holder\"");
    await queryRunner.query("DROP INDEX \"idx_certifications_type_expiry\"");
    await queryRunner.query("DROP TABLE \"certifications\"");
    await queryRunner.query("DROP INDEX \"idx_programme_attendance_worker\"");
    await queryRunner.query("DROP TABLE \"programme_attendance\"");
    await queryRunner.query("DROP INDEX \"idx_programme_tasks_assignee\"");
    await queryRunner.query("DROP INDEX \"uq_programme_tasks_activity_worker\"");
    await queryRunner.query("DROP TABLE \"programme_tasks\"");
    await queryRunner.query("DROP INDEX \"idx_programme_activities_programme\"");
    await queryRunner.query("DROP TABLE \"programme_activities\"");
    await queryRunner.query("DROP INDEX \"idx_programme_enrolments_status\"");
    await queryRunner.query("DROP INDEX \"idx_programme_enrolments_worker\"");
    await queryRunner.query("DROP TABLE \"programme_enrolments\"");
    await queryRunner.query("DROP INDEX \"idx_care_programmes_unit_status\"");
    await queryRunner.query("DROP INDEX \"idx_care_programmes_auto_enrol\"");
    await queryRunner.query("DROP TABLE \"care_programmes\"");
    await queryRunner.query("DROP TABLE \"subgroups\"");
  }
}
