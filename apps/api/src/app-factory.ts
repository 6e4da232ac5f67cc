import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import compression from 'compression';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Logger } from 'nestjs-pino';
import { isUtf8 } from 'node:buffer';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { AppModule } from './app.module';
import { SIGN_IN_PATHS, signInRateLimit } from './auth/sign-in-rate-limit';
import { AppErrorFilter } from './common/app-error.filter';
import { securityHeaders } from './common/security-headers';
import { precompressedAssets } from './common/static-assets';
import { createValidationPipe } from './common/validation.pipe';
import type { AppConfig } from './config/app-config';
import { openDatabase } from './database/open-database';
import { assignRequestId } from './logging/request-id';
import { setUpOpenApi } from './openapi/openapi';

export const API_PREFIX = 'api';
/** Requests carry text and ids; photos go through a separate upload path. */
export const JSON_BODY_LIMIT = '256kb';

/**
 * Builds the whole application as production runs it: the database opened and migrated, the
 * global prefix, body limits, validation, the error filter and the OpenAPI document.
 * main.ts and the end-to-end tests both start the API through here.
 */
export async function createApp(config: AppConfig): Promise<INestApplication> {
  const dataSource = await openDatabase(config.database);
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, dataSource), {
    bufferLogs: true,
    bodyParser: false,
  });
  app.useLogger(app.get(Logger));
  // The client address (rate limits, logs) comes from X-Forwarded-For only through the proxies
  // TRUST_PROXY names; otherwise any caller could pick its own.
  app.set('trust proxy', config.trustProxy);
  app.disable('x-powered-by');
  app.use(securityHeaders(config.h5Dir));
  // Lists and the H5 app's scripts shrink to a fifth or less on a village's weak network; photos,
  // voice notes and spreadsheets are compressed already and go as they are (compression's filter).
  // The H5 app's hashed scripts and stylesheets go as its build compressed them (brotli: smaller still).
  if (config.httpCompression) app.use(precompressedAssets(config.h5Dir));
  if (config.httpCompression) app.use(compression({ threshold: 1024 }));
  app.use(assignRequestId);
  app.use(SIGN_IN_PATHS, signInRateLimit(config.auth.loginRateLimitPerMinute));
  // Nest keeps `verify` out of the option type for its rawBody capture, which this app does not use.
  const jsonOptions = { limit: JSON_BODY_LIMIT, verify: refuseInvalidUtf8 };
  app.useBodyParser('json', jsonOptions);
  app.useBodyParser('urlencoded', { limit: JSON_BODY_LIMIT, extended: false });
  app.setGlobalPrefix(API_PREFIX);
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new AppErrorFilter());
  app.enableShutdownHooks();
  setUpOpenApi(app, config);
  return app;
}

/**
 * JSON is UTF-8; the parser would quietly turn bytes that are not into U+FFFD and store them.
 * Refused instead (the filter answers BODY_NOT_JSON). Bodies declared in another charset are
 * left to the parser.
 */
function refuseInvalidUtf8(_req: IncomingMessage, _res: ServerResponse, body: Buffer, encoding: string): void {
  if (/^utf-?8$/i.test(encoding) && !isUtf8(body)) throw Object.assign(new Error('request body is not valid UTF-8'), { type: 'entity.verify.failed' });
}
