import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import * as fs from 'node:fs';
import { ServeStaticModule } from '@nestjs/serve-static';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from './config/app-config';
import { CLOCK } from './common/clock';
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
        ...staticH5(config),
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

/** Serves the mini-program's H5 build at `/` when it has been built. */
function staticH5(config: AppConfig): DynamicModule[] {
  if (!fs.existsSync(config.h5Dir)) return [];
  return [ServeStaticModule.forRoot({ rootPath: config.h5Dir, exclude: /^\/api(\/|$)/ })];
}
