import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Module, type DynamicModule } from '@nestjs/common';
import { ConfigModule, ConfigService } from '@nestjs/config';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { ServeStaticModule } from '@nestjs/serve-static';
import { ThrottlerModule } from '@nestjs/throttler';
import { LoggerModule } from 'nestjs-pino';
import { InsightsModule } from './insights/insights.module.js';
import { PeopleModule } from './people/people.module.js';
import { AssessmentsModule } from './population/assessments/assessments.module.js';
import { CounsellingModule } from './population/counselling/counselling.module.js';
import { EducationModule } from './population/education/education.module.js';
import { GroupsModule } from './population/groups/groups.module.js';
import { validateConfig, type AppConfig } from './platform/config/app-config.js';
import { loadRawConfig, projectRoot } from './platform/config/load-config.js';
import { HttpErrorFilter } from './platform/errors/http-error.filter.js';
import { AccountThrottlerGuard, throttlerOptions } from './platform/http/throttling.js';
import { loggerOptions } from './platform/http/logging.js';
import { PlatformModule } from './platform/platform.module.js';
import { CryptoModule } from './platform/crypto/crypto.module.js';
import { TestHooksModule } from './platform/testing/test-hooks.module.js';

/** Feature modules, lowest layer first (see README: platform ← people ← tiers ← eap, service desk ← insights). */
const FEATURE_MODULES = [
  PeopleModule,
  AssessmentsModule,
  EducationModule,
  GroupsModule,
  CounsellingModule,
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
        ThrottlerModule.forRootAsync({ inject: [ConfigService], useFactory: throttlerOptions }),
        CryptoModule,
        PlatformModule,
        ...FEATURE_MODULES,
        ...(config.TEST_HOOKS ? [TestHooksModule] : []),
        ...webAppModules(),
      ],
      providers: [
        { provide: APP_FILTER, useClass: HttpErrorFilter },
        // After the access guard (registered in PlatformModule), so signed-in callers are limited per account.
        { provide: APP_GUARD, useClass: AccountThrottlerGuard },
      ],
    };
  }
}
