import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { Actor } from '../auth/actor';
import { CurrentActor, RequireCapability } from '../auth/auth-decorators';
import { FullPhoneDto, RosterGridDto } from './dtos/people.dto';
import { PeopleService } from './people.service';

@ApiTags('people')
@ApiBearerAuth()
@Controller()
export class PeopleController {
  constructor(private readonly people: PeopleService) {}

  @Get('people/:personId/phone')
  @RequireCapability('phone.viewFull')
  @ApiOperation({ operationId: 'viewFullPhone', summary: 'A full phone number (every view is logged)' })
  @ApiOkResponse({ type: FullPhoneDto })
  viewFullPhone(@CurrentActor() actor: Actor, @Param('personId', ParseIdPipe) personId: number): Promise<FullPhoneDto> {
    return this.people.viewFullPhone(actor, personId);
  }

  @Get('units/:unitId/roster')
  @RequireCapability('roster.view')
  @ApiOperation({ operationId: 'getUnitRoster', summary: 'Small grids under a unit and their leaders (phones masked)' })
  @ApiOkResponse({ type: [RosterGridDto] })
  getUnitRoster(@CurrentActor() actor: Actor, @Param('unitId', ParseIdPipe) unitId: number): Promise<RosterGridDto[]> {
    return this.people.rosterOf(actor, unitId);
  }
}
