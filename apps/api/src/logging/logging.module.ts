import { DynamicModule } from '@nestjs/common';
import type { IncomingMessage } from 'node:http';
import { LoggerModule } from 'nestjs-pino';
import { requestIdOf } from './request-id';

/** One JSON line a request, tagged with the request id given by assignRequestId. */
export function loggingModule(level: string): DynamicModule {
  return LoggerModule.forRoot({
    pinoHttp: {
      level,
      genReqId: (req: IncomingMessage) => requestIdOf(req),
      // Static files of the H5 app would drown the request log.
      autoLogging: { ignore: (req: IncomingMessage) => !(req.url ?? '').startsWith('/api') },
      serializers: {
        req: (req: { id: string; method: string; url: string }) => ({ id: req.id, method: req.method, url: req.url }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
    },
  });
}
