import { Body, Controller, Get, HttpCode, Inject, Param, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { CLOCK, type Clock } from '../../common/clock';
import { ParseIdPipe } from '../../common/parse-id.pipe';
import { Actor } from '../actor';
import { CurrentActor, Public } from '../auth-decorators';
import { DeskPollDto, DeskPollResultDto, DeskSignInDto, DeskTicketDto, DeskTicketInfoDto } from './desk-sign-in.dto';
import { DeskSignInService } from './desk-sign-in.service';
import { ParseScenePipe } from './parse-scene.pipe';

/** 扫码登录 (docs/identity-and-access.md): the console's side is public, the phone's side signed in. */
@ApiTags('desk sign-in')
@Controller()
export class DeskSignInController {
  constructor(
    private readonly desk: DeskSignInService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Post('auth/desk-tickets')
  @Public()
  @HttpCode(200)
  @ApiOperation({ operationId: 'createDeskTicket', summary: 'The console: a one-time ticket and its mini-program code (2 minutes)' })
  @ApiOkResponse({ type: DeskTicketDto })
  create(@Req() request: Request): Promise<DeskTicketDto> {
    return this.desk.createTicket({ userAgent: request.get('user-agent') ?? null, ip: request.ip ?? null }, this.clock.now());
  }

  @Post('auth/desk-poll')
  @Public()
  @HttpCode(200)
  @ApiOperation({ operationId: 'pollDeskTicket', summary: 'The console: waiting, or its own sign-in once confirmed (given once)' })
  @ApiOkResponse({ type: DeskPollResultDto })
  poll(@Body() body: DeskPollDto): Promise<DeskPollResultDto> {
    return this.desk.poll(body.pollToken, this.clock.now());
  }

  @Get('desk-tickets/:scene')
  @ApiBearerAuth()
  @ApiOperation({ operationId: 'getDeskTicket', summary: 'The phone: which browser asks to sign in, and when' })
  @ApiOkResponse({ type: DeskTicketInfoDto })
  describe(@CurrentActor() actor: Actor, @Param('scene', ParseScenePipe) scene: string): Promise<DeskTicketInfoDto> {
    return this.desk.describeTicket(actor, scene, this.clock.now());
  }

  @Post('desk-tickets/:scene/confirm')
  @ApiBearerAuth()
  @HttpCode(204)
  @ApiOperation({ operationId: 'confirmDeskTicket', summary: 'The phone: 确认登录 (staff only)' })
  @ApiNoContentResponse()
  confirm(@CurrentActor() actor: Actor, @Param('scene', ParseScenePipe) scene: string): Promise<void> {
    return this.desk.confirm(actor, scene, this.clock.now());
  }

  @Post('desk-tickets/:scene/cancel')
  @ApiBearerAuth()
  @HttpCode(204)
  @ApiOperation({ operationId: 'cancelDeskTicket', summary: 'The phone: 取消' })
  @ApiNoContentResponse()
  cancel(@CurrentActor() actor: Actor, @Param('scene', ParseScenePipe) scene: string): Promise<void> {
    return this.desk.cancel(actor, scene, this.clock.now());
  }

  @Get('me/desk-sign-ins')
  @ApiBearerAuth()
  @ApiOperation({ operationId: 'listDeskSignIns', summary: 'My desks signed in by scanning, still signed in' })
  @ApiOkResponse({ type: [DeskSignInDto] })
  list(@CurrentActor() actor: Actor): Promise<DeskSignInDto[]> {
    return this.desk.listMine(actor, this.clock.now());
  }

  @Post('me/desk-sign-ins/:deskSignInId/revoke')
  @ApiBearerAuth()
  @HttpCode(204)
  @ApiOperation({ operationId: 'revokeDeskSignIn', summary: 'Sign that desk out (its next call is refused)' })
  @ApiNoContentResponse()
  revoke(@CurrentActor() actor: Actor, @Param('deskSignInId', ParseIdPipe) id: number): Promise<void> {
    return this.desk.revokeMine(actor, id, this.clock.now());
  }
}
