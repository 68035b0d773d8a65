import { ValidationPipe, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module.js';
import { jsonDepthLimit } from './platform/http/json-depth.js';

export const API_PREFIX = 'api/v1';

/** Everything main.ts, the tests, the bench and the OpenAPI script share about how the app is set up. */
export function configureApp(app: NestExpressApplication): void {
  app.useLogger(app.get(Logger));
  app.setGlobalPrefix(API_PREFIX);
  app.set('trust proxy', 'loopback');
  app.disable('x-powered-by');
  app.use(helmet());
  app.useBodyParser('json', { limit: '1mb' });
  app.use(jsonDepthLimit());
  app.useGlobalPipes(
    new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true, transform: true, stopAtFirstError: false }),
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
