import { Global, Module } from '@nestjs/common';
import { NotificationRightsContributor } from './notifications/notification-rights.contributor.js';
import { DataSubjectRegistry } from './data-subject/data-subject.registry.js';
import { APP_GUARD } from '@nestjs/core';
import { ScheduleModule } from '@nestjs/schedule';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccessGuard } from './auth/access.guard.js';
import { ApiKeyAuth } from './auth/api-key-auth.js';
import { AccessTokens } from './auth/access-tokens.js';
import { AccountStates } from './auth/account-states.js';
import { AuditEvent } from './audit/audit-event.entity.js';
import { AuditService } from './audit/audit.service.js';
import { AuditSequencer } from './audit/audit-sequencer.service.js';
import { AuditVerifier } from './audit/audit-verifier.service.js';
import { Clock, ManualClock } from './clock/clock.js';
import { ConfigService } from '@nestjs/config';
import type { AppConfig } from './config/app-config.js';
import { DatabaseModule } from './database/database.module.js';
import { CreatedAtSubscriber } from './database/created-at.subscriber.js';
import { HealthController } from './health/health.controller.js';
import { AccountThrottlerGuard } from './http/throttling.js';
import { ThrottleBucket } from './http/throttle-bucket.entity.js';
import { DomainEvents } from './jobs/domain-events.js';
import { Job } from './jobs/job.entity.js';
import { JobQueue } from './jobs/job-queue.service.js';
import { JobRunner } from './jobs/job-runner.service.js';
import { DeadJobs } from './jobs/dead-jobs.js';
import { MailerService } from './notifications/mailer.service.js';
import { Notification } from './notifications/notification.entity.js';
import { NotificationService } from './notifications/notification.service.js';
import { NotificationsController } from './notifications/notifications.controller.js';
import { TerminusModule } from '@nestjs/terminus';
import { NotificationChannels } from './notifications/channels/notification-channels.service.js';
import { NotificationPreference } from './notifications/channels/notification-preference.entity.js';
import { NotificationPreferencesController } from './notifications/channels/notification-preferences.controller.js';
import { RecipientContacts } from './notifications/channels/recipient-contacts.js';
import { SmsController } from './sms/sms.controller.js';
import { SmsGateway } from './sms/sms-gateway.js';
import { SmsLogService } from './sms/sms-log.service.js';
import { SmsMessage, SmsOptOut } from './sms/sms-message.entity.js';
import { SmsReceiptsService } from './sms/sms-receipts.service.js';
import { SmsService } from './sms/sms.service.js';
import { Readiness } from './health/readiness.js';
import { RetentionRegistry } from './retention/retention.registry.js';
import { Retention } from './retention/retention.service.js';
import { BackupSchedule } from './backup/backup-schedule.service.js';
import { KeyRotation } from './crypto/key-rotation.service.js';
import { GracefulShutdown } from './lifecycle/graceful-shutdown.service.js';
import { Lifecycle } from './lifecycle/lifecycle.service.js';
import { Metrics } from './metrics/metrics.service.js';
import { MetricsServer } from './metrics/metrics-server.js';
import { PlatformMetrics } from './metrics/platform-metrics.js';
import { JobWake } from './push/job-wake.js';
import { PushController } from './push/push.controller.js';
import { PushHub } from './push/push-hub.service.js';
import { PushStreams } from './push/push-streams.service.js';

/** The shared kernel: database, clock, auth guard, audit, jobs and notifications. Every module may use it. */
@Global()
@Module({
  imports: [
    DatabaseModule,
    ScheduleModule.forRoot(),
    TerminusModule,
    TypeOrmModule.forFeature([AuditEvent, Job, Notification, ThrottleBucket, NotificationPreference, SmsMessage, SmsOptOut]),
  ],
  controllers: [HealthController, NotificationsController, NotificationPreferencesController, SmsController, PushController],
  providers: [
    DataSubjectRegistry,
    RetentionRegistry,
    Retention,
    {
      provide: Clock,
      inject: [ConfigService],
      useFactory: (config: ConfigService<AppConfig, true>) =>
        config.get('TEST_HOOKS', { infer: true }) ? new ManualClock(new Date(process.env.TEST_CLOCK_START ?? Date.now())) : new Clock(),
    },
    CreatedAtSubscriber,
    AccessTokens,
    AccountStates,
    ApiKeyAuth,
    { provide: APP_GUARD, useClass: AccessGuard },
    // After the access guard (global guards run in registration order), so callers are limited per account or vendor.
    { provide: APP_GUARD, useClass: AccountThrottlerGuard },
    AuditService,
    AuditSequencer,
    AuditVerifier,
    JobQueue,
    JobRunner,
    DeadJobs,
    DomainEvents,
    NotificationService,
    NotificationRightsContributor,
    PushHub,
    PushStreams,
    JobWake,
    MailerService,
    NotificationChannels,
    RecipientContacts,
    SmsGateway,
    SmsService,
    SmsReceiptsService,
    SmsLogService,
    Lifecycle,
    GracefulShutdown,
    Readiness,
    Metrics,
    MetricsServer,
    PlatformMetrics,
    BackupSchedule,
    KeyRotation,
  ],
  exports: [DataSubjectRegistry, RetentionRegistry, Retention, Clock, ApiKeyAuth, AccountStates, AuditService, AuditSequencer, AuditVerifier, JobQueue, JobRunner, DeadJobs, DomainEvents, NotificationService, Lifecycle, Metrics, RecipientContacts, SmsService, KeyRotation, PushHub],
})
export class PlatformModule {}
