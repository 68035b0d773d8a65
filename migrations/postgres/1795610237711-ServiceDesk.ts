import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ServiceDesk1795610237711 implements MigrationInterface {
  name = 'ServiceDesk1795610237711';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"desk_request_events\" (\"id\" uuid NOT NULL DEFAULT uuid_generate_v4(), \"request_id\" uuid NOT NULL, \"seq\" integer NOT NULL, \"kind\" character varying(30) NOT NULL, \"actor_id\" uuid, \"from_status\" character varying(20), \"to_status\" character varying(20), \"from_unit_id\" uuid, \"to_unit_id\" uuid, \"body\" text, \"to_worker\" boolean NOT NULL DEFAULT false, \"due_at\" TIMESTAMP WITH TIME ZONE, \"detail\" jsonb, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT \"PK_003e7b601c4637390b346dfa2f5\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_desk_request_events_request_seq\" ON \"desk_request_events\"  (\"request_id\", \"seq\") ");
    await queryRunner.query("CREATE TABLE \"desk_requests\" (\"id\" uuid NOT NULL DEFAULT uuid_generate_v4(), \"reference\" character varying(24) NOT NULL, \"channel\" character varying(20) NOT NULL, \"category\" character varying(40) NOT NULL, \"urgency\" character varying(12) NOT NULL, \"crisis\" boolean NOT NULL DEFAULT false, \"status\" character varying(20) NOT NULL, \"worker_id\" uuid, \"caller_name\" text, \"callback_number\" text, \"summary\" text NOT NULL, \"subject_unit_id\" uuid NOT NULL, \"handling_unit_id\" uuid NOT NULL, \"created_by\" uuid NOT NULL, \"answer_due_at\" TIMESTAMP WITH TIME ZONE, \"answered_at\" TIMESTAMP WITH TIME ZONE, \"answer_seconds\" integer, \"reply_due_at\" TIMESTAMP WITH TIME ZONE, \"first_reply_at\" TIMESTAMP WITH TIME ZONE, \"resolve_due_at\" TIMESTAMP WITH TIME ZONE, \"next_due_at\" TIMESTAMP WITH TIME ZONE, \"resolved_at\" TIMESTAMP WITH TIME ZONE, \"resolve_seconds\" integer, \"closed_at\" TIMESTAMP WITH TIME ZONE, \"resolution\" text, \"satisfaction\" integer, \"feedback_comment\" text, \"reopen_count\" integer NOT NULL DEFAULT '0', \"trail_length\" integer NOT NULL DEFAULT '0', \"forward_count\" integer NOT NULL DEFAULT '0', \"overdue_at\" TIMESTAMP WITH TIME ZONE, \"supervision_level\" integer NOT NULL DEFAULT '0', \"supervising_unit_id\" uuid, \"escalated_at\" TIMESTAMP WITH TIME ZONE, \"crisis_case_id\" uuid, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_835d2930e20febc249607503ec1\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"idx_desk_requests_supervising\" ON \"desk_requests\"  (\"supervising_unit_id\", \"status\") ");
    await queryRunner.query("CREATE INDEX \"idx_desk_requests_worker_created\" ON \"desk_requests\"  (\"worker_id\", \"created_at\") ");
    await queryRunner.query("CREATE INDEX \"idx_desk_requests_subject_created\" ON \"desk_requests\"  (\"subject_unit_id\", \"created_at\") ");
    await queryRunner.query("CREATE INDEX \"idx_desk_requests_queue\" ON \"desk_requests\"  (\"handling_unit_id\", \"status\", \"next_due_at\", \"created_at\", \"id\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_desk_requests_reference\" ON \"desk_requests\"  (\"reference\") ");
    await queryRunner.query("CREATE TABLE \"desk_routing_rules\" (\"id\" uuid NOT NULL DEFAULT uuid_generate_v4(), \"org_unit_id\" uuid NOT NULL, \"category\" character varying(40) NOT NULL, \"target_unit_id\" uuid NOT NULL, \"created_by\" uuid NOT NULL, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT \"PK_32659c0f97be2b26af009d1a195\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_desk_routing_rules_unit_category\" ON \"desk_routing_rules\"  (\"org_unit_id\", \"category\") ");
    await queryRunner.query("CREATE TABLE \"desk_forwards\" (\"id\" uuid NOT NULL DEFAULT uuid_generate_v4(), \"request_id\" uuid NOT NULL, \"position\" integer NOT NULL, \"from_unit_id\" uuid NOT NULL, \"to_unit_id\" uuid NOT NULL, \"instructions\" text NOT NULL, \"due_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"status\" character varying(10) NOT NULL, \"return_reason\" text, \"forwarded_by\" uuid NOT NULL, \"decided_by\" uuid, \"decided_at\" TIMESTAMP WITH TIME ZONE, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT \"PK_9379a557bf3868a6c3de11a69bc\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"idx_desk_forwards_to_status\" ON \"desk_forwards\"  (\"to_unit_id\", \"status\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_desk_forwards_request_position\" ON \"desk_forwards\"  (\"request_id\", \"position\") ");
    await queryRunner.query("CREATE TABLE \"desk_reference_counters\" (\"day\" character varying(8) NOT NULL, \"last_seq\" integer NOT NULL, CONSTRAINT \"PK_e85b1796e78a7ace65d0b62ab62\" PRIMARY KEY (\"day\"))");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP TABLE \"desk_reference_counters\"");
    await queryRunner.query("DROP INDEX \"public\".\"uq_desk_forwards_request_position\"");
    await queryRunner.query("DROP INDEX \"public\".\"idx_desk_forwards_to_status\"");
    await queryRunner.query("DROP TABLE \"desk_forwards\"");
    await queryRunner.query("DROP INDEX \"public\".\"uq_desk_routing_rules_unit_category\"");
    await queryRunner.query("DROP TABLE \"desk_routing_rules\"");
    await queryRunner.query("DROP INDEX \"public\".\"uq_desk_requests_reference\"");
    await queryRunner.query("DROP INDEX \"public\".\"idx_desk_requests_queue\"");
    await queryRunner.query("DROP INDEX \"public\".\"idx_desk_requests_subject_created\"");
    await queryRunner.query("DROP INDEX \"public\".\"idx_desk_requests_worker_created\"");
    await queryRunner.query("DROP INDEX \"public\".\"idx_desk_requests_supervising\"");
    await queryRunner.query("DROP TABLE \"desk_requests\"");
    await queryRunner.query("DROP INDEX \"public\".\"uq_desk_request_events_request_seq\"");
    await queryRunner.query("DROP TABLE \"desk_request_events\"");
  }
}
