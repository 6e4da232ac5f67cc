import { Body, Controller, HttpCode, Inject, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor } from '../auth/actor';
import { CurrentActor, RequireCapability } from '../auth/auth-decorators';
import { CLOCK, type Clock } from '../common/clock';
import { BindGroupDto, GroupDto, ResolveGroupDto } from './dtos/group.dto';
import { GroupsService } from './groups.service';

@ApiTags('groups')
@ApiBearerAuth()
@Controller('groups')
export class GroupsController {
  constructor(
    private readonly groups: GroupsService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Post('resolve')
  @HttpCode(200)
  @ApiOperation({ operationId: 'resolveGroup', summary: 'Which village group was this card opened in, and where is it bound?' })
  @ApiOkResponse({ type: GroupDto })
  resolve(@CurrentActor() actor: Actor, @Body() body: ResolveGroupDto): Promise<GroupDto> {
    return this.groups.resolve(actor, body);
  }

  @Post('bind')
  @HttpCode(200)
  @RequireCapability('group.bind')
  @ApiOperation({ operationId: 'bindGroup', summary: 'Bind an unbound group to a village or small grid (once)' })
  @ApiOkResponse({ type: GroupDto })
  bind(@CurrentActor() actor: Actor, @Body() body: BindGroupDto): Promise<GroupDto> {
    return this.groups.bind(actor, body, this.clock.now());
  }
}
