import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor } from '../../auth/actor';
import { CurrentActor, RequireCapability } from '../../auth/auth-decorators';
import { CLOCK, type Clock } from '../../common/clock';
import { RatingAgreementDto, RatingAgreementQueryDto, ReturnVisitSampleDto, ReturnVisitSampleQueryDto } from './return-visit.dto';
import { ReturnVisitSampleService } from './return-visit-sample.service';

@ApiTags('return-visits')
@ApiBearerAuth()
@Controller('return-visits')
export class ReturnVisitsController {
  constructor(
    private readonly sampling: ReturnVisitSampleService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get('sample')
  @RequireCapability('request.lookBack')
  @ApiOperation({ operationId: 'getReturnVisitSample', summary: '回访抽查: the week’s random sample of closed matters still to be visited, within my area' })
  @ApiOkResponse({ type: ReturnVisitSampleDto })
  sample(@CurrentActor() actor: Actor, @Query() query: ReturnVisitSampleQueryDto): Promise<ReturnVisitSampleDto> {
    return this.sampling.sample(actor, query.week, this.clock.now());
  }

  @Get('agreement')
  @RequireCapability('reports.ratingAgreement')
  @ApiOperation({
    operationId: 'getRatingAgreement',
    summary: '评价核实: per unit, in-app verdicts against what the sampled return visits heard; units beyond the margin flagged',
  })
  @ApiOkResponse({ type: RatingAgreementDto })
  agreement(@CurrentActor() actor: Actor, @Query() query: RatingAgreementQueryDto): Promise<RatingAgreementDto> {
    return this.sampling.agreement(actor, query.weeks ?? 8, this.clock.now());
  }
}
