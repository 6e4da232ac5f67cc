import { Body, Controller, Get, HttpCode, Inject, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CLOCK, type Clock } from '../common/clock';
import { Actor } from './actor';
import { CurrentActor } from './auth-decorators';
import { AuthService } from './auth.service';
import { HomeUnitDto, MeDto, PhoneCodeDto, SessionDto } from './dtos/auth.dto';
import { MeService } from './me.service';

@ApiTags('me')
@ApiBearerAuth()
@Controller('me')
export class MeController {
  constructor(
    private readonly me: MeService,
    private readonly auth: AuthService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get()
  @ApiOperation({ operationId: 'getMe', summary: 'Who I am, my roles and where I live' })
  @ApiOkResponse({ type: MeDto })
  getMe(@CurrentActor() actor: Actor): Promise<MeDto> {
    return this.me.describe(actor);
  }

  @Post('phone')
  @HttpCode(200)
  @ApiOperation({ operationId: 'bindPhone', summary: 'Share my phone (getPhoneNumber code); a roster phone grants its roles' })
  @ApiOkResponse({ type: SessionDto })
  bindPhone(@CurrentActor() actor: Actor, @Body() body: PhoneCodeDto): Promise<SessionDto> {
    return this.auth.bindPhone(actor, body.code, this.clock.now());
  }

  @Put('home-unit')
  @ApiOperation({ operationId: 'setHomeUnit', summary: 'Choose my village or small grid by hand' })
  @ApiOkResponse({ type: MeDto })
  setHomeUnit(@CurrentActor() actor: Actor, @Body() body: HomeUnitDto): Promise<MeDto> {
    return this.me.setHomeUnit(actor, body.unitId);
  }
}
