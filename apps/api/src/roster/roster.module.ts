import { Module } from '@nestjs/common';
import { GridModule } from '../grid/grid.module';
import { RosterController } from './roster.controller';
import { RosterImportRepository } from './roster-import.repository';
import { RosterImportRunner } from './roster-import.runner';
import { RosterService } from './roster.service';
import { TownRosterRepository } from './town-roster.repository';

@Module({
  imports: [GridModule],
  controllers: [RosterController],
  providers: [RosterService, RosterImportRunner, RosterImportRepository, TownRosterRepository],
})
export class RosterModule {}
