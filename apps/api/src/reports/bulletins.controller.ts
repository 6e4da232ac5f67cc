import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor } from '../auth/actor';
import { CurrentActor, RequireCapability } from '../auth/auth-decorators';
import { DailyBulletinService } from './daily-bulletin.service';
import { DailyBulletinDto, DailyBulletinQuery } from './dtos/daily-bulletin.dto';

/** The town's own sheets (三个一), for its hotline office and leaders. */
@ApiTags('reports')
@ApiBearerAuth()
@Controller('reports')
export class BulletinsController {
  constructor(private readonly bulletins: DailyBulletinService) {}

  @Get('daily')
  @RequireCapability('reports.view')
  @ApiOperation({ operationId: 'getDailyBulletin', summary: '受理情况一天一通报: a town’s day — received by source, village and category; first contacts on time and late; results; open and overdue at its end' })
  @ApiOkResponse({ type: DailyBulletinDto })
  daily(@CurrentActor() actor: Actor, @Query() query: DailyBulletinQuery): Promise<DailyBulletinDto> {
    return this.bulletins.bulletin(actor, query.townId, query.day);
  }
}
