import { Body, Controller, Get, HttpCode, Inject, Post } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CLOCK, type Clock } from '../common/clock';
import { Public } from './auth-decorators';
import { AuthService } from './auth.service';
import { DemoLoginDto, DemoPersonDto, RefreshDto, SessionDto, WechatLoginDto } from './dtos/auth.dto';

/**
 * Sign-in and tokens. WeChat and demo sign-in are limited per client address (sign-in-rate-limit.ts);
 * refresh per sign-in (TokenService.rotate).
 */
@ApiTags('auth')
@Controller('auth')
@Public()
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Post('wechat-login')
  @HttpCode(200)
  @ApiOperation({ operationId: 'wechatLogin', summary: 'Sign in with a wx.login code' })
  @ApiOkResponse({ type: SessionDto })
  wechatLogin(@Body() body: WechatLoginDto): Promise<SessionDto> {
    return this.auth.wechatLogin(body.code, this.clock.now());
  }

  @Post('refresh')
  @HttpCode(200)
  @ApiOperation({ operationId: 'refreshSession', summary: 'Spend a refresh token for a new pair' })
  @ApiOkResponse({ type: SessionDto })
  refresh(@Body() body: RefreshDto): Promise<SessionDto> {
    return this.auth.refresh(body.refreshToken, this.clock.now());
  }

  @Post('logout')
  @HttpCode(204)
  @ApiOperation({ operationId: 'logout', summary: 'Revoke this sign-in' })
  @ApiNoContentResponse()
  logout(@Body() body: RefreshDto): Promise<void> {
    return this.auth.logout(body.refreshToken, this.clock.now());
  }

  @Get('demo-people')
  @ApiOperation({ operationId: 'listDemoPeople', summary: 'Demo only (DEMO_LOGIN=1): seeded people to act as' })
  @ApiOkResponse({ type: [DemoPersonDto] })
  listDemoPeople(): Promise<DemoPersonDto[]> {
    return this.auth.listDemoPeople();
  }

  @Post('demo-login')
  @HttpCode(200)
  @ApiOperation({ operationId: 'demoLogin', summary: 'Demo only (DEMO_LOGIN=1): act as a seeded person' })
  @ApiOkResponse({ type: SessionDto })
  demoLogin(@Body() body: DemoLoginDto): Promise<SessionDto> {
    return this.auth.demoLogin(body.personId, this.clock.now());
  }
}
