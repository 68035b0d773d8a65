import type { INestApplication } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { requestLogging } from './platform/http/logging.js';
import { AppModule } from './app.module.js';
import type { AppConfig } from './platform/config/app-config.js';
import { Lifecycle } from './platform/lifecycle/lifecycle.service.js';
import { httpMetrics, metricsEndpoint } from './platform/metrics/http-metrics.js';
import { Metrics } from './platform/metrics/metrics.service.js';
import { jsonDepthLimit } from './platform/http/json-depth.js';
import { SafeTextValidationPipe } from './platform/http/text-safety.js';

export const API_PREFIX = 'api/v1';

/** Everything main.ts, the tests, the bench and the OpenAPI script share about how the app is set up. */
export function configureApp(app: NestExpressApplication): void {
  app.useLogger(app.get(Logger));
  app.setGlobalPrefix(API_PREFIX);
  app.set('trust proxy', 'loopback');
  app.disable('x-powered-by');
  const metrics = app.get(Metrics);
  const config = app.get(ConfigService<AppConfig, true>);
  const lifecycle = app.get(Lifecycle);
  app.use(httpMetrics(metrics));
  app.use(requestLogging(config.get('LOG_SLOW_REQUEST_MS', { infer: true })));
  // While draining, every response asks the client to reconnect elsewhere instead of reusing this connection.
  app.use((_req: unknown, res: { setHeader(name: string, value: string): void }, next: () => void) => {
    if (lifecycle.draining) res.setHeader('Connection', 'close');
    next();
  });
  // Served beside the API, not under its prefix (Prometheus' convention); on the main port only with a token.
  app.use('/metrics', metricsEndpoint(metrics, config.get('METRICS_TOKEN', { infer: true }) || null));
  app.use(helmet());
  app.useBodyParser('json', { limit: '1mb' });
  app.use(jsonDepthLimit());
  app.useGlobalPipes(
    new SafeTextValidationPipe({ whitelist: true, forbidNonWhitelisted: true, transform: true, stopAtFirstError: false }),
  );
  app.enableShutdownHooks();
  SwaggerModule.setup('api/docs', app, () => openApiDocument(app), { jsonDocumentUrl: 'api/docs-json' });
}

export function openApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('心港 Xingang API')
    .setDescription('工会职工心理服务“面、线、点”体系 / Trade-union psychological services, three tiers')
    .setVersion('1')
    .addBearerAuth()
    .build();
  return SwaggerModule.createDocument(app, config);
}

export async function createApp(overrides: Record<string, string> = {}): Promise<NestExpressApplication> {
  // rawBody: the JSON parser keeps the exact bytes (`request.rawBody`), which signed webhooks are verified over.
  const app = await NestFactory.create<NestExpressApplication>(AppModule.register(overrides), { bufferLogs: true, bodyParser: false, rawBody: true });
  configureApp(app);
  return app;
}
