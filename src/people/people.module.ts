import { Module } from '@nestjs/common';
import { SignInRetention } from './auth/sign-in-retention.js';
import { PeopleRightsContributor } from './rights/people-rights.contributor.js';
import { ConfigService } from '@nestjs/config';
import { JwtModule } from '@nestjs/jwt';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { AppConfig } from '../platform/config/app-config.js';
import { AccessScope } from './access/access-scope.service.js';
import { AuditLogController } from './audit-log/audit-log.controller.js';
import { AuditLogService } from './audit-log/audit-log.service.js';
import { JobAdminController } from './job-admin/job-admin.controller.js';
import { JobAdminService } from './job-admin/job-admin.service.js';
import { KeyRotationAdminService } from './operations/key-rotation-admin.service.js';
import { KeyRotationController } from './operations/key-rotation.controller.js';
import { AuthController } from './auth/auth.controller.js';
import { AuthService } from './auth/auth.service.js';
import { RefreshToken } from './auth/refresh-token.entity.js';
import { TotpController } from './auth/totp/totp.controller.js';
import { TotpService } from './auth/totp/totp.service.js';
import { PeopleBootstrap } from './bootstrap.service.js';
import { Consent } from './consents/consent.entity.js';
import { ConsentsController } from './consents/consents.controller.js';
import { ConsentsService } from './consents/consents.service.js';
import { MeController } from './me/me.controller.js';
import { OrgUnit } from './org-units/org-unit.entity.js';
import { OrgUnitsController } from './org-units/org-units.controller.js';
import { OrgUnitsService } from './org-units/org-units.service.js';
import { AccountStateLoader } from './users/account-state-loader.js';
import { User } from './users/user.entity.js';
import { UsersController } from './users/users.controller.js';
import { UsersService } from './users/users.service.js';
import { RosterImportService } from './workers/roster-import.service.js';
import { WorkerContacts } from './workers/worker-contacts.js';
import { Worker } from './workers/worker.entity.js';
import { WorkersController } from './workers/workers.controller.js';
import { WorkersService } from './workers/workers.service.js';
import { WorkerMobilesProvider } from './workers/worker-mobiles.provider.js';
import { PhoneIndexBackfill } from './workers/phone-index-backfill.js';
import { PopulationCount } from './workers/population-count.entity.js';
import { PopulationCounts } from './workers/population-counts.js';

/**
 * People: org units, users and sign-in, worker profiles (职工档案) and consent. The tiers use its exported services;
 * none of them touches these tables directly.
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([OrgUnit, User, RefreshToken, Worker, Consent, PopulationCount]),
    JwtModule.registerAsync({
      inject: [ConfigService],
      useFactory: (config: ConfigService<AppConfig, true>) => ({ secret: config.get('JWT_SECRET', { infer: true }) }),
    }),
  ],
  controllers: [AuditLogController, JobAdminController, KeyRotationController, AuthController, TotpController, OrgUnitsController, UsersController, WorkersController, ConsentsController, MeController],
  providers: [
    KeyRotationAdminService,
    PeopleRightsContributor,
    AccessScope,
    AuthService,
    SignInRetention,
    TotpService,
    OrgUnitsService,
    UsersService,
    AccountStateLoader,
    WorkersService,
    WorkerContacts,
    RosterImportService,
    ConsentsService,
    PeopleBootstrap,
    AuditLogService,
    JobAdminService,
    WorkerMobilesProvider,
    PhoneIndexBackfill,
    PopulationCounts,
  ],
  exports: [AccessScope, AuthService, OrgUnitsService, UsersService, WorkersService, WorkerContacts, ConsentsService, PopulationCounts],
})
export class PeopleModule {}
