import { Module } from '@nestjs/common';
import { WechatApiClient } from './wechat-api.client';
import { WechatTokenService } from './wechat-token.service';

@Module({ providers: [WechatApiClient, WechatTokenService], exports: [WechatApiClient, WechatTokenService] })
export class WechatModule {}
