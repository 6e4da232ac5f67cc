import { Module } from '@nestjs/common';
import { GridModule } from '../grid/grid.module';
import { PeopleController } from './people.controller';
import { PeopleService } from './people.service';
import { PhoneViewAuditController } from './phone-view-audit.controller';
import { PhoneViewAuditRepository } from './phone-view-audit.repository';
import { PhoneViewAuditService } from './phone-view-audit.service';
import { PersonRepository } from './person.repository';
import { RosterRepository } from './roster.repository';

@Module({
  imports: [GridModule],
  controllers: [PeopleController, PhoneViewAuditController],
  providers: [PeopleService, PersonRepository, RosterRepository, PhoneViewAuditRepository, PhoneViewAuditService],
})
export class PeopleModule {}
