import { Module } from '@nestjs/common';
import { GridModule } from '../grid/grid.module';
import { PeopleController } from './people.controller';
import { PeopleService } from './people.service';
import { PersonRepository } from './person.repository';
import { RosterRepository } from './roster.repository';

@Module({
  imports: [GridModule],
  controllers: [PeopleController],
  providers: [PeopleService, PersonRepository, RosterRepository],
})
export class PeopleModule {}
