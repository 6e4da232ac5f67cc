import { Module } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { WechatModule } from '../wechat/wechat.module';
import { CONTENT_CHECK, PassThroughContentCheck } from './content-check';
import { ContentGate } from './content-gate';
import { WechatContentCheck } from './wechat-content-check';

/** WeChat's msgSecCheck when the app has WeChat credentials, a pass-through otherwise. */
@Module({
  imports: [WechatModule],
  providers: [
    WechatContentCheck,
    {
      provide: CONTENT_CHECK,
      inject: [APP_CONFIG, WechatContentCheck],
      useFactory: (config: AppConfig, wechat: WechatContentCheck) => (config.wechat.appid && config.wechat.secret ? wechat : new PassThroughContentCheck()),
    },
    ContentGate,
  ],
  exports: [ContentGate],
})
export class ContentCheckModule {}
