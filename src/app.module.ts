import { DataSource } from 'typeorm';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Module, type DynamicModule } from '@nestjs/common';
import { ConfigModule, ConfigService } from '@nestjs/config';
import { APP_FILTER } from '@nestjs/core';
import { ServeStaticModule } from '@nestjs/serve-static';
import { ThrottlerModule } from '@nestjs/throttler';
import { LoggerModule } from 'nestjs-pino';
import { CrisisModule } from './individual/crisis/crisis.module.js';
import { IndividualTestHooksModule } from './individual/testing/individual-test-hooks.module.js';
import { InsightsTestHooksModule } from './insights/testing/insights-test-hooks.module.js';
import { IncidentsModule } from './individual/incidents/incidents.module.js';
import { ReferralsModule } from './individual/referrals/referrals.module.js';
import { EapModule } from './eap/eap.module.js';
import { InsightsModule } from './insights/insights.module.js';
import { MobileAccessModule } from './people/mobile-access/mobile-access.module.js';
import { PeopleModule } from './people/people.module.js';
import { AssessmentsModule } from './population/assessments/assessments.module.js';
import { AssessmentContractModule } from './population/assessments/screening-contract.service.js';
import { CounsellingModule } from './population/counselling/counselling.module.js';
import { OnlineCounsellingModule } from './population/online-counselling/online-counselling.module.js';
import { EducationModule } from './population/education/education.module.js';
import { GroupsModule } from './population/groups/groups.module.js';
import { ProgrammesModule } from './subgroups/programmes/programmes.module.js';
import { CertificationSeamModule } from './subgroups/training/certification-seam.module.js';
import { TrainingModule } from './subgroups/training/training.module.js';
import { ServiceDeskModule } from './service-desk/service-desk.module.js';
import { validateConfig, type AppConfig } from './platform/config/app-config.js';
import { loadRawConfig, projectRoot } from './platform/config/load-config.js';
import { HttpErrorFilter } from './platform/errors/http-error.filter.js';
import { throttlerOptions } from './platform/http/throttling.js';
import { loggerOptions } from './platform/http/logging.js';
import { PlatformModule } from './platform/platform.module.js';
import { CryptoModule } from './platform/crypto/crypto.module.js';
import { TestHooksModule } from './platform/testing/test-hooks.module.js';

/** Feature modules, lowest layer first (see README: platform ← people ← tiers ← eap, service desk ← insights). */
const FEATURE_MODULES = [
  PeopleModule,
  MobileAccessModule,
  AssessmentsModule,
  AssessmentContractModule,
  EducationModule,
  GroupsModule,
  CounsellingModule,
  OnlineCounsellingModule,
  CrisisModule,
  ReferralsModule,
  IncidentsModule,
  ProgrammesModule,
  TrainingModule,
  CertificationSeamModule,
  ServiceDeskModule,
  EapModule,
  InsightsModule,
];

/**
 * The web app (`web/`, built by `npm run web:build` into web/dist) served at `/`: hashed assets cached for a year,
 * every other path outside `/api` answered with index.html (the single-page app routes in the browser). Registered
 * only when a build exists, so API-only runs (and tests that do not need the web) work without one.
 */
export function webAppModules(root = join(projectRoot(), 'web', 'dist')): DynamicModule[] {
  if (!existsSync(join(root, 'index.html'))) return [];
  return [
    ServeStaticModule.forRoot({
      rootPath: root,
      exclude: /^\/api(\/|$)/,
      serveStaticOptions: {
        index: false,
        setHeaders: (res: { setHeader(name: string, value: string): void }, path: string) =>
          res.setHeader('Cache-Control', /[\\/]assets[\\/]/.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache'),
      },
    }),
  ];
}

@Module({})
export class AppModule {
  /** `overrides` replace environment variables (tests use them for a database per file). */
  static register(overrides: Record<string, string> = {}): DynamicModule {
    const config = validateConfig(loadRawConfig({ ...process.env, ...overrides }));
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot({ isGlobal: true, ignoreEnvFile: true, load: [() => ({ ...config })] }),
        LoggerModule.forRootAsync({
          inject: [ConfigService],
          useFactory: (c: ConfigService<AppConfig, true>) => loggerOptions(c.get('LOG_LEVEL', { infer: true })),
        }),
        ThrottlerModule.forRootAsync({ inject: [ConfigService, DataSource], useFactory: throttlerOptions }),
        CryptoModule,
        PlatformModule,
        ...FEATURE_MODULES,
        ...(config.TEST_HOOKS ? [TestHooksModule, IndividualTestHooksModule, InsightsTestHooksModule] : []),
        ...webAppModules(),
      ],
      // The throttler guard is registered in PlatformModule, right after the access guard: global guards run in the
      // order modules are scanned, and AppModule is scanned first, so a guard listed here would run before sign-in.
      providers: [{ provide: APP_FILTER, useClass: HttpErrorFilter }],
    };
  }
}
