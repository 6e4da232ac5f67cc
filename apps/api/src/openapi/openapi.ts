import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { ERROR_MESSAGES, ErrorCode } from '../common/error-codes';
import type { AppConfig } from '../config/app-config';

/** The OpenAPI document the mini-program's client is generated from. */
export function buildOpenApiDocument(app: INestApplication, version: string): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('GridLoop API (网格通)')
    .setDescription(
      'Requests (诉求) from villagers, grid leaders and the 12345 hotline, handled in a closed loop. ' +
        'Every error is `{code, message, field?, requestId}`; `code` is one of ErrorCode.',
    )
    .setVersion(version)
    .addBearerAuth()
    .build();
  const document = SwaggerModule.createDocument(app, config, {
    operationIdFactory: (_controllerKey, methodKey) => methodKey,
  });
  document.components = {
    ...document.components,
    schemas: { ...document.components?.schemas, ...errorSchemas() },
  };
  return document;
}

/** /api/docs and /api/openapi.json, unless API_DOCS is off (production's default): then both are 404. */
export function setUpOpenApi(app: INestApplication, config: AppConfig): void {
  if (!config.apiDocs) return;
  const document = buildOpenApiDocument(app, config.version);
  SwaggerModule.setup('api/docs', app, document, {
    jsonDocumentUrl: 'api/openapi.json',
    customSiteTitle: '网格通 API',
  });
}

function errorSchemas() {
  return {
    ErrorCode: { type: 'string' as const, enum: Object.values(ErrorCode), description: describeCodes() },
    ErrorBody: {
      type: 'object' as const,
      required: ['code', 'message'],
      properties: {
        code: { $ref: '#/components/schemas/ErrorCode' },
        message: { type: 'string' as const, description: 'Chinese text to show the user' },
        field: { type: 'string' as const, description: 'The input that was wrong, when one was' },
        rows: {
          type: 'array' as const,
          description: 'A refused sheet (HOTLINE_FILE_INVALID): every wrong cell',
          items: {
            type: 'object' as const,
            required: ['row', 'column', 'problem'],
            properties: {
              row: { type: 'integer' as const, description: 'The row number as the sheet shows it' },
              column: { type: 'string' as const, description: 'The column’s header' },
              problem: { type: 'string' as const, description: 'What is wrong, in Chinese' },
            },
          },
        },
        requestId: { type: 'string' as const },
      },
    },
  };
}

function describeCodes(): string {
  return Object.values(ErrorCode)
    .map((code) => `${code}: ${ERROR_MESSAGES[code]}`)
    .join('\n');
}
