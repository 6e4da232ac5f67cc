import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import * as fs from 'node:fs';
import { ServeStaticModule, type ServeStaticModuleOptions } from '@nestjs/serve-static';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from './config/app-config';
import { CLOCK } from './common/clock';
import { setStaticCacheHeaders } from './common/static-assets';
import { AuthModule } from './auth/auth.module';
import { GridModule } from './grid/grid.module';
import { GroupsModule } from './groups/groups.module';
import { HealthModule } from './health/health.module';
import { loggingModule } from './logging/logging.module';
import { PeopleModule } from './people/people.module';
import { PhotosModule } from './photos/photos.module';
import { VoiceNotesModule } from './voice-notes/voice-notes.module';
import { RequestsModule } from './requests/requests.module';
import { HotlineModule } from './hotline/hotline.module';
import { NotificationsModule } from './notifications/notifications.module';
import { JobsModule } from './jobs/jobs.module';
import { ReportsModule } from './reports/reports.module';
import { RosterModule } from './roster/roster.module';

/** Where the desk console is served (its Vite `base`, apps/console/vite.config.ts). */
const CONSOLE_ROOT = '/console';

/** The root module. The data source is opened (and migrated) before Nest starts, then handed in. */
@Module({})
export class AppModule {
  static forRoot(config: AppConfig, dataSource: DataSource): DynamicModule {
    return {
      module: AppModule,
      global: true,
      imports: [
        loggingModule(config.logLevel),
        TypeOrmModule.forRootAsync({
          useFactory: () => dataSource.options,
          dataSourceFactory: async () => dataSource,
        }),
        ...staticApps(config),
        AuthModule,
        HealthModule,
        GridModule,
        GroupsModule,
        PeopleModule,
        PhotosModule,
        VoiceNotesModule,
        RequestsModule,
        HotlineModule,
        NotificationsModule,
        JobsModule,
        ReportsModule,
        RosterModule,
      ],
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: CLOCK, useValue: config.clock },
      ],
      exports: [APP_CONFIG, CLOCK],
    };
  }
}

/**
 * Serves the builds that exist: the desk console at `/console/` (its index.html for any path under
 * it, so a deep link opens the page) and the mini-program's H5 build at `/`. The console comes
 * first: the H5 app answers every other path.
 */
function staticApps(config: AppConfig): DynamicModule[] {
  const apps: ServeStaticModuleOptions[] = [];
  // Hashed files cached for a year, index.html asked again each time (common/static-assets.ts).
  const serveStaticOptions = { setHeaders: setStaticCacheHeaders };
  if (fs.existsSync(config.consoleDir)) apps.push({ rootPath: config.consoleDir, serveRoot: CONSOLE_ROOT, serveStaticOptions });
  // Never the H5 app's index.html for an API path, nor for a console path when it is not built.
  if (fs.existsSync(config.h5Dir)) apps.push({ rootPath: config.h5Dir, exclude: /^\/(api|console)(\/|$)/, serveStaticOptions });
  return apps.length > 0 ? [ServeStaticModule.forRoot(...apps)] : [];
}
