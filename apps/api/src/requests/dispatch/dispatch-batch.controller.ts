import { Body, Controller, HttpCode, Inject, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor } from '../../auth/actor';
import { CurrentActor, RequireCapability } from '../../auth/auth-decorators';
import { CLOCK, type Clock } from '../../common/clock';
import { DispatchBatchDto, DispatchBatchResultDto } from './dispatch-batch.dto';
import { DispatchBatchService } from './dispatch-batch.service';

@ApiTags('requests')
@ApiBearerAuth()
@Controller('requests')
export class DispatchBatchController {
  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly batch: DispatchBatchService,
  ) {}

  @Post('dispatch-batch')
  @HttpCode(200)
  @RequireCapability('routing.manage')
  @ApiOperation({
    operationId: 'dispatchBatch',
    summary:
      '派单 several matters at once, to one unit or each (items[].targetUnitId) to its own: each a transfer of its own (own transaction and timeline row); the answer lists every item’s result',
  })
  @ApiOkResponse({ type: DispatchBatchResultDto })
  dispatch(@CurrentActor() actor: Actor, @Body() body: DispatchBatchDto): Promise<DispatchBatchResultDto> {
    return this.batch.dispatch(actor, body, this.clock.now());
  }
}
