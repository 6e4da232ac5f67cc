import { Body, Controller, Get, HttpCode, Inject, Param, ParseEnumPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { CLOCK, type Clock } from '../common/clock';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { Actor } from '../auth/actor';
import { CurrentActor, RequireCapability } from '../auth/auth-decorators';
import { AppError } from '../common/app-error';
import { ErrorCode } from '../common/error-codes';
import {
  DisownRequestDto,
  DuplicateCandidateDto,
  InboxQuery,
  RateRequestDto,
  RequestActionDto,
  RequestDto,
  RequesterPhoneDto,
  RequestListItemDto,
  SubmitOnBehalfDto,
  SubmitRequestDto,
  SUPPORTED_ACTIONS,
  type SupportedAction,
} from './dtos/request.dto';
import { RequestQueuesService } from './request-queues.service';
import { PatrolReportDto } from './dtos/patrol.dto';
import { onBehalfEntry, ownEntry, patrolEntry } from './intake/intake-entry';
import { RequestIntake } from './intake/request-intake.service';
import { RequestWorkflowService } from './request-workflow.service';
import { RequestsService } from './requests.service';

@ApiTags('requests')
@ApiBearerAuth()
@Controller('requests')
export class RequestsController {
  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly requests: RequestsService,
    private readonly workflow: RequestWorkflowService,
    private readonly intake: RequestIntake,
    private readonly queues: RequestQueuesService,
  ) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({ operationId: 'submitRequest', summary: 'Raise a matter (诉求); retries with the same clientRequestId return the same one' })
  @ApiCreatedResponse({ type: RequestDto })
  submit(@CurrentActor() actor: Actor, @Body() body: SubmitRequestDto): Promise<RequestDto> {
    return this.intake.enter(actor, ownEntry(actor, body), this.clock.now());
  }

  @Post('patrol')
  @HttpCode(201)
  @RequireCapability('request.patrol')
  @ApiOperation({ operationId: 'reportPatrolFinding', summary: '未诉先办: report what a patrol found; settle it on the spot or pass it on' })
  @ApiCreatedResponse({ type: RequestDto })
  reportPatrol(@CurrentActor() actor: Actor, @Body() body: PatrolReportDto): Promise<RequestDto> {
    return this.intake.enter(actor, patrolEntry(body), this.clock.now());
  }

  @Post('on-behalf')
  @HttpCode(201)
  @RequireCapability('request.proxy')
  @ApiOperation({
    operationId: 'submitRequestOnBehalf',
    summary: 'Enter a matter for a villager (代办 by a grid leader, a call taken by hotline staff); retries return the same one',
  })
  @ApiCreatedResponse({ type: RequestDto })
  submitOnBehalf(@CurrentActor() actor: Actor, @Body() body: SubmitOnBehalfDto): Promise<RequestDto> {
    return this.intake.enter(actor, onBehalfEntry(actor, body), this.clock.now());
  }

  @Get('dispatch-queue')
  @RequireCapability('routing.manage')
  @ApiOperation({ operationId: 'getDispatchQueue', summary: '派单: 12345 orders and calls at the hotline office, and transfer requests, oldest first' })
  @ApiOkResponse({ type: [RequestListItemDto] })
  dispatchQueue(@CurrentActor() actor: Actor): Promise<RequestListItemDto[]> {
    return this.queues.dispatchQueue(actor, this.clock.now());
  }

  @Get('look-back-queue')
  @RequireCapability('request.lookBack')
  @ApiOperation({ operationId: 'getLookBackQueue', summary: '回看: rated results, refusals, and results left unrated past the wait, oldest first' })
  @ApiOkResponse({ type: [RequestListItemDto] })
  lookBackQueue(@CurrentActor() actor: Actor): Promise<RequestListItemDto[]> {
    return this.queues.lookBackQueue(actor, this.clock.now());
  }

  @Get('overdue')
  @RequireCapability('request.view')
  @ApiOperation({ operationId: 'getOverdueBoard', summary: '超时: open matters whose clock ran out, within my area, highest escalation first' })
  @ApiOkResponse({ type: [RequestListItemDto] })
  overdue(@CurrentActor() actor: Actor): Promise<RequestListItemDto[]> {
    return this.queues.overdueBoard(actor, this.clock.now());
  }

  @Get('mine')
  @ApiOperation({ operationId: 'listMyRequests', summary: 'Matters I raised, newest first' })
  @ApiOkResponse({ type: [RequestListItemDto] })
  listMine(@CurrentActor() actor: Actor): Promise<RequestListItemDto[]> {
    return this.requests.listMine(actor, this.clock.now());
  }

  @Get('inbox')
  @ApiOperation({
    operationId: 'getRequestInbox',
    summary: 'Open matters I handle, soonest due first, 50 a page (limit ≤ 100; the next page after the last row’s due time and id)',
  })
  @ApiOkResponse({ type: [RequestListItemDto] })
  inbox(@CurrentActor() actor: Actor, @Query() page: InboxQuery): Promise<RequestListItemDto[]> {
    return this.requests.inbox(actor, page, this.clock.now());
  }

  @Get(':requestId')
  @ApiOperation({ operationId: 'getRequest', summary: 'One matter with its timeline and what I may do now' })
  @ApiOkResponse({ type: RequestDto })
  get(@CurrentActor() actor: Actor, @Param('requestId', ParseIdPipe) requestId: number): Promise<RequestDto> {
    return this.requests.get(actor, requestId, this.clock.now());
  }

  @Get(':requestId/duplicates')
  @ApiOperation({ operationId: 'listDuplicateCandidates', summary: 'Open matters in the same grid that look like this one (for merging)' })
  @ApiOkResponse({ type: [DuplicateCandidateDto] })
  duplicates(@CurrentActor() actor: Actor, @Param('requestId', ParseIdPipe) requestId: number): Promise<DuplicateCandidateDto[]> {
    return this.queues.duplicates(actor, requestId, this.clock.now());
  }

  @Post(':requestId/actions/:action')
  @HttpCode(200)
  @ApiOperation({ operationId: 'actOnRequest', summary: 'Take a step of the closed loop (accept, followUp, resolve, lookBack, close, …)' })
  @ApiParam({ name: 'action', enum: SUPPORTED_ACTIONS })
  @ApiOkResponse({ type: RequestDto })
  act(
    @CurrentActor() actor: Actor,
    @Param('requestId', ParseIdPipe) requestId: number,
    @Param(
      'action',
      new ParseEnumPipe(Object.fromEntries(SUPPORTED_ACTIONS.map((a) => [a, a])), {
        exceptionFactory: () => new AppError(ErrorCode.ValidationFailed, 'action'),
      }),
    )
    action: SupportedAction,
    @Body() body: RequestActionDto,
  ): Promise<RequestDto> {
    return this.workflow.act(actor, requestId, action, body, this.clock.now());
  }

  @Post(':requestId/call')
  @HttpCode(200)
  @ApiOperation({
    operationId: 'callRequester',
    summary: '拨打: the requester’s full number, for one handling or supervising the matter; each call is logged (phone_view_log)',
  })
  @ApiOkResponse({ type: RequesterPhoneDto })
  callRequester(@CurrentActor() actor: Actor, @Param('requestId', ParseIdPipe) requestId: number): Promise<RequesterPhoneDto> {
    return this.requests.callRequester(actor, requestId);
  }

  @Post(':requestId/rating')
  @HttpCode(200)
  @ApiOperation({ operationId: 'rateRequest', summary: 'The requester rates the result (满意 / 基本满意 / 不满意); 不满意 reopens it' })
  @ApiOkResponse({ type: RequestDto })
  rate(@CurrentActor() actor: Actor, @Param('requestId', ParseIdPipe) requestId: number, @Body() body: RateRequestDto): Promise<RequestDto> {
    return this.workflow.rate(actor, requestId, body, this.clock.now());
  }

  @Post(':requestId/disown')
  @HttpCode(200)
  @ApiOperation({
    operationId: 'disownRequest',
    summary: '这不是我的诉求: the person a matter was entered for (代办, a call) says it is not theirs; it is withdrawn and the hotline office told',
  })
  @ApiOkResponse({ type: RequestDto })
  disown(@CurrentActor() actor: Actor, @Param('requestId', ParseIdPipe) requestId: number, @Body() body: DisownRequestDto): Promise<RequestDto> {
    return this.workflow.disown(actor, requestId, body, this.clock.now());
  }
}
