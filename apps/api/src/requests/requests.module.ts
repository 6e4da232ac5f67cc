import { Module, OnModuleInit } from '@nestjs/common';
import { checkWorkflow } from '@gridloop/domain';
import { GridModule } from '../grid/grid.module';
import { PatrolService } from './patrol.service';
import { RequestRepository } from './request.repository';
import { RequestWorkflowService } from './request-workflow.service';
import { RequestsController } from './requests.controller';
import { RequestsService } from './requests.service';

@Module({
  imports: [GridModule],
  controllers: [RequestsController],
  providers: [RequestsService, RequestWorkflowService, PatrolService, RequestRepository],
})
export class RequestsModule implements OnModuleInit {
  /** A workflow table with an unknown or unreachable state must not reach production: refuse to boot. */
  onModuleInit(): void {
    const problems = checkWorkflow();
    if (problems.length > 0) throw new Error(`request workflow table is unsound: ${problems.join('; ')}`);
  }
}
