import { Controller, Get, Inject } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor } from '../../auth/actor';
import { CurrentActor, RequireCapability } from '../../auth/auth-decorators';
import { CLOCK, type Clock } from '../../common/clock';
import { IntakeByDayDto } from './intake-30d.dto';
import { WorkSummaryDto } from './work-summary.dto';
import { WorkSummaryService } from './work-summary.service';

@ApiTags('requests')
@ApiBearerAuth()
@Controller('me')
export class WorkSummaryController {
  constructor(
    private readonly work: WorkSummaryService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get('work')
  @ApiOperation({
    operationId: 'getMyWork',
    summary: 'What waits for me, as counts for the home page (待办, 即将超时, 已超时, 待派单, 待回看, 超时督办, 今日到期, 今日新收)',
  })
  @ApiOkResponse({ type: WorkSummaryDto })
  summary(@CurrentActor() actor: Actor): Promise<WorkSummaryDto> {
    return this.work.summary(actor, this.clock.now());
  }

  @Get('intake-30d')
  @RequireCapability('request.view')
  @ApiOperation({
    operationId: 'getMyRecentIntake',
    summary: 'The last 30 China calendar days’ intake by source, over the matters I may see (工作台’s chart)',
  })
  @ApiOkResponse({ type: IntakeByDayDto })
  intake(@CurrentActor() actor: Actor): Promise<IntakeByDayDto> {
    return this.work.intake(actor, this.clock.now());
  }
}
