import { Module, OnModuleInit } from '@nestjs/common';
import { checkWorkflow } from '@gridloop/domain';
import { ContentCheckModule } from '../content-check/content-check.module';
import { GridModule } from '../grid/grid.module';
import { RequestIntake } from './intake/request-intake.service';
import { RequestRepository } from './request.repository';
import { RequestWorkflowService } from './request-workflow.service';
import { RequestsController } from './requests.controller';
import { RequestsService } from './requests.service';
import { RequestExtensions } from './request-extensions';
import { RequestParking } from './request-parking';
import { RequestRefusals } from './request-refusals';
import { RequestHandoverService } from './request-handover.service';
import { RequestQueuesService } from './request-queues.service';
import { SubmissionLimit } from './submission-limit';
import { CategoryRoutesController } from './routing/category-routes.controller';
import { CategoryRoutesService } from './routing/category-routes.service';
import { DispatchBatchController } from './dispatch/dispatch-batch.controller';
import { DispatchBatchService } from './dispatch/dispatch-batch.service';
import { WorkSummaryController } from './work/work-summary.controller';
import { WorkSummaryService } from './work/work-summary.service';
import { RequestSearchController } from './search/search.controller';
import { RequestSearchRepository } from './search/search.repository';
import { RequestSearchService } from './search/search.service';
import { RequestReturnVisits } from './return-visits/request-return-visits';
import { ReturnVisitSampleService } from './return-visits/return-visit-sample.service';
import { ReturnVisitsController } from './return-visits/return-visits.controller';
import { NoticesController } from './notices/notices.controller';
import { RequestPrintedNotices } from './notices/request-printed-notices';

@Module({
  imports: [GridModule, ContentCheckModule],
  // Search first: RequestsController's `:requestId` would take `search`.
  controllers: [
    RequestSearchController,
    RequestsController,
    CategoryRoutesController,
    WorkSummaryController,
    DispatchBatchController,
    ReturnVisitsController,
    NoticesController,
  ],
  providers: [
    RequestsService,
    RequestIntake,
    RequestWorkflowService,
    RequestRepository,
    RequestHandoverService,
    RequestExtensions,
    RequestParking,
    RequestRefusals,
    RequestQueuesService,
    CategoryRoutesService,
    SubmissionLimit,
    WorkSummaryService,
    DispatchBatchService,
    RequestSearchRepository,
    RequestSearchService,
    RequestReturnVisits,
    ReturnVisitSampleService,
    RequestPrintedNotices,
  ],
  // Photos are shown to whoever may see their request (PhotosModule).
  // The hotline module enters 12345 orders through the same intake.
  exports: [RequestRepository, RequestsService, RequestIntake, CategoryRoutesService],
})
export class RequestsModule implements OnModuleInit {
  /** A workflow table with an unknown or unreachable state must not reach production: refuse to boot. */
  onModuleInit(): void {
    const problems = checkWorkflow();
    if (problems.length > 0) throw new Error(`request workflow table is unsound: ${problems.join('; ')}`);
  }
}
