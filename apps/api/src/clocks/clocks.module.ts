import { Module } from '@nestjs/common';
import { PhotosModule } from '../photos/photos.module';
import { ReportsModule } from '../reports/reports.module';
import { ClockSweeper } from './clock-sweeper.service';

/** The clocks that act: reminders and the escalation ladder (docs/clocks.md). */
@Module({
  imports: [ReportsModule, PhotosModule],
  providers: [ClockSweeper],
  exports: [ClockSweeper],
})
export class ClocksModule {}
