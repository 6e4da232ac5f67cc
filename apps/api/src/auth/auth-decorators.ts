import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Capability } from '@gridloop/domain';
import { Actor } from './actor';

export const PUBLIC_KEY = 'gridloop:public';
export const CAPABILITY_KEY = 'gridloop:capability';

/**
 * Anyone may call it, signed in or not. With `identifyCaller`, a valid bearer token also tells the
 * route who is calling (@SignedInCaller), so it may add what that caller may see; a missing,
 * expired or invalid token is simply the public: the route never fails for it.
 */
export const Public = (options: { identifyCaller?: boolean } = {}) => SetMetadata(PUBLIC_KEY, options.identifyCaller ? IDENTIFY_CALLER : true);
export const IDENTIFY_CALLER = 'identify';

/** Only people holding a role that grants `capability` somewhere; the service narrows to their span. */
export const RequireCapability = (capability: Capability) => SetMetadata(CAPABILITY_KEY, capability);

/** The signed-in caller, set by AuthGuard. */
export const CurrentActor = createParamDecorator((_data: unknown, context: ExecutionContext): Actor => {
  return context.switchToHttp().getRequest<{ actor: Actor }>().actor;
});

/** On a @Public({ identifyCaller: true }) route: the signed-in caller, or null for the public. */
export const SignedInCaller = createParamDecorator((_data: unknown, context: ExecutionContext): Actor | null => {
  return context.switchToHttp().getRequest<{ actor?: Actor }>().actor ?? null;
});
