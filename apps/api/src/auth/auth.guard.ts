import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Capability } from '@gridloop/domain';
import type { Request } from 'express';
import { AppError } from '../common/app-error';
import { ErrorCode } from '../common/error-codes';
import { Actor } from './actor';
import { ActorRepository } from './actor.repository';
import { CAPABILITY_KEY, IDENTIFY_CALLER, PUBLIC_KEY } from './auth-decorators';
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
    const access = this.reflector.getAllAndOverride<boolean | typeof IDENTIFY_CALLER | undefined>(PUBLIC_KEY, targets);
    const request = context.switchToHttp().getRequest<Request & { actor?: Actor }>();
    const token = /^Bearer (\S+)$/i.exec(request.headers.authorization ?? '')?.[1];
    if (access === IDENTIFY_CALLER) {
      // A stale or foreign token on a public page is the public, not an error: the page is for everyone.
      if (token) request.actor = await this.signedIn(token).catch((error: unknown) => (error instanceof AppError ? undefined : Promise.reject(error)));
      return true;
    }
    if (access) return true;
    if (!token) throw new AppError(ErrorCode.AuthRequired);
    const actor = await this.signedIn(token);
    request.actor = actor;
    const capability = this.reflector.getAllAndOverride<Capability | undefined>(CAPABILITY_KEY, targets);
    if (capability && actor.spanFor(capability).length === 0) throw new AppError(ErrorCode.Forbidden);
    return true;
  }

  /** The caller of a bearer token. The sign-in (known, this person's, not revoked) and their roles: one statement on every request, nothing cached (a revocation or an ended role counts on the very next one). */
  private async signedIn(token: string): Promise<Actor> {
    const { personId, familyId } = await this.tokens.readAccess(token);
    const actor = await this.actors.loadSignedIn(personId, familyId);
    if (!actor) throw new AppError(ErrorCode.TokenInvalid);
    return actor;
  }
}
