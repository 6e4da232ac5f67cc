import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { createSecretKey } from 'node:crypto';
import { DataSource } from 'typeorm';
import { WechatModule } from '../wechat/wechat.module';
import { ActorRepository } from './actor.repository';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { AuthService } from './auth.service';
import { MeController } from './me.controller';
import { MeService } from './me.service';
import { loadSigningKey } from './signing-key';
import { TokenService } from './token.service';

@Module({
  imports: [
    WechatModule,
    JwtModule.registerAsync({
      inject: [DataSource],
      useFactory: async (dataSource: DataSource) => ({
        // A KeyObject, made once: given the string, jsonwebtoken would first try (and fail) to
        // parse it as a PEM public key on every verify, which cost ~8% of the API's CPU under load.
        secret: createSecretKey(Buffer.from(await loadSigningKey(dataSource), 'utf8')),
        signOptions: { algorithm: 'HS256' },
        verifyOptions: { algorithms: ['HS256'] },
      }),
    }),
  ],
  controllers: [AuthController, MeController],
  providers: [AuthService, MeService, TokenService, ActorRepository, { provide: APP_GUARD, useClass: AuthGuard }],
  // JwtModule: group tickets are signed with the same deployment key.
  exports: [ActorRepository, JwtModule],
})
export class AuthModule {}
