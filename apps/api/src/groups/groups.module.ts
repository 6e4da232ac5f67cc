import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { GridModule } from '../grid/grid.module';
import { WechatModule } from '../wechat/wechat.module';
import { GroupTicket } from './group-ticket';
import { GroupsController } from './groups.controller';
import { GroupsService } from './groups.service';

@Module({
  imports: [AuthModule, GridModule, WechatModule],
  controllers: [GroupsController],
  providers: [GroupsService, GroupTicket],
})
export class GroupsModule {}
