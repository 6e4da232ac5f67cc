import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { WechatModule } from '../wechat/wechat.module';
import { ActorRepository } from './actor.repository';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { AuthService } from './auth.service';
import { jwtOptions } from './jwt-options';
import { MeController } from './me.controller';
import { MeService } from './me.service';
import { DeskSignInController } from './desk/desk-sign-in.controller';
import { DeskSignInService } from './desk/desk-sign-in.service';
import { loadSigningKeys } from './signing-key';
import { TokenService } from './token.service';

@Module({
  imports: [
    WechatModule,
    JwtModule.registerAsync({
      inject: [DataSource, APP_CONFIG],
      useFactory: async (dataSource: DataSource, config: AppConfig) => jwtOptions(await loadSigningKeys(dataSource, config.auth.signingKeys)),
    }),
  ],
  controllers: [AuthController, MeController, DeskSignInController],
  providers: [AuthService, MeService, DeskSignInService, TokenService, ActorRepository, { provide: APP_GUARD, useClass: AuthGuard }],
  // JwtModule: group tickets are signed with the same deployment keys.
  exports: [ActorRepository, JwtModule],
})
export class AuthModule {}
