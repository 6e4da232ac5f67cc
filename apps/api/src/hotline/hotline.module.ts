import { Module } from '@nestjs/common';
import { GridModule } from '../grid/grid.module';
import { RequestsModule } from '../requests/requests.module';
import { HotlineController } from './hotline.controller';
import { HotlineService } from './hotline.service';

@Module({
  imports: [GridModule, RequestsModule],
  controllers: [HotlineController],
  providers: [HotlineService],
})
export class HotlineModule {}
