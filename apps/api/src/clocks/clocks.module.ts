import { Module } from '@nestjs/common';
import { ClockSweeper } from './clock-sweeper.service';

/** The clocks that act: reminders and the escalation ladder (docs/clocks.md). */
@Module({
  providers: [ClockSweeper],
  exports: [ClockSweeper],
})
export class ClocksModule {}
