import { Body, Controller, Get, Param, ParseEnumPipe, Put, Inject } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { REQUEST_CATEGORIES, type RequestCategory } from '@gridloop/domain';
import { CLOCK, type Clock } from '../../common/clock';
import { ParseIdPipe } from '../../common/parse-id.pipe';
import { Actor } from '../../auth/actor';
import { CurrentActor, RequireCapability } from '../../auth/auth-decorators';
import { AppError } from '../../common/app-error';
import { ErrorCode } from '../../common/error-codes';
import { CategoryRouteDto, SetCategoryRouteDto } from './category-routes.dto';
import { CategoryRoutesService } from './category-routes.service';

// eslint-disable-next-line no-useless-assignment -- used in a parameter decorator, which the rule does not see
const CATEGORY_PIPE = new ParseEnumPipe(Object.fromEntries(REQUEST_CATEGORIES.map((c) => [c, c])), {
  exceptionFactory: () => new AppError(ErrorCode.ValidationFailed, 'category'),
});

@ApiTags('requests')
@ApiBearerAuth()
@Controller('towns/:townId/category-routes')
export class CategoryRoutesController {
  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly routes: CategoryRoutesService,
  ) {}

  @Get()
  @RequireCapability('routing.manage')
  @ApiOperation({ operationId: 'listCategoryRoutes', summary: 'Which town department takes each category of new matter (none: the grid)' })
  @ApiOkResponse({ type: [CategoryRouteDto] })
  list(@CurrentActor() actor: Actor, @Param('townId', ParseIdPipe) townId: number): Promise<CategoryRouteDto[]> {
    return this.routes.list(actor, townId);
  }

  @Put(':category')
  @RequireCapability('routing.manage')
  @ApiOperation({ operationId: 'setCategoryRoute', summary: 'Send a category of new matter straight to a town department, or back to the grids (null)' })
  @ApiParam({ name: 'category', enum: REQUEST_CATEGORIES })
  @ApiOkResponse({ type: [CategoryRouteDto] })
  set(
    @CurrentActor() actor: Actor,
    @Param('townId', ParseIdPipe) townId: number,
    @Param('category', CATEGORY_PIPE) category: RequestCategory,
    @Body() body: SetCategoryRouteDto,
  ): Promise<CategoryRouteDto[]> {
    return this.routes.set(actor, townId, category, body.departmentUnitId, this.clock.now());
  }
}
