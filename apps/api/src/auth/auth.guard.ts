import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Capability } from '@gridloop/domain';
import type { Request } from 'express';
import { AppError } from '../common/app-error';
import { ErrorCode } from '../common/error-codes';
import { Actor } from './actor';
import { ActorRepository } from './actor.repository';
import { CAPABILITY_KEY, PUBLIC_KEY } from './auth-decorators';
import { TokenService } from './token.service';

/**
 * Every route is signed-in only unless marked @Public(). The caller is loaded fresh on each
 * request; @RequireCapability refuses callers none of whose roles grant it. Which objects they
 * may touch is decided where data is read, from the actor's span.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokenService,
    private readonly actors: ActorRepository,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const request = context.switchToHttp().getRequest<Request & { actor?: Actor }>();
    const token = /^Bearer (\S+)$/i.exec(request.headers.authorization ?? '')?.[1];
    if (!token) throw new AppError(ErrorCode.AuthRequired);
    const { personId, familyId } = await this.tokens.readAccess(token);
    // The sign-in (known, this person's, not revoked) and the caller's roles: one statement on
    // every request, nothing cached (a revocation or an ended role counts on the very next one).
    const actor = await this.actors.loadSignedIn(personId, familyId);
    if (!actor) throw new AppError(ErrorCode.TokenInvalid);
    request.actor = actor;
    const capability = this.reflector.getAllAndOverride<Capability | undefined>(CAPABILITY_KEY, targets);
    if (capability && actor.spanFor(capability).length === 0) throw new AppError(ErrorCode.Forbidden);
    return true;
  }
}
