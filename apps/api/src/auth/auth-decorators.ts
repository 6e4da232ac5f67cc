import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Capability } from '@gridloop/domain';
import { Actor } from './actor';

export const PUBLIC_KEY = 'gridloop:public';
export const CAPABILITY_KEY = 'gridloop:capability';

/** Anyone may call it, signed in or not. */
export const Public = () => SetMetadata(PUBLIC_KEY, true);

/** Only people holding a role that grants `capability` somewhere; the service narrows to their span. */
export const RequireCapability = (capability: Capability) => SetMetadata(CAPABILITY_KEY, capability);

/** The signed-in caller, set by AuthGuard. */
export const CurrentActor = createParamDecorator((_data: unknown, context: ExecutionContext): Actor => {
  return context.switchToHttp().getRequest<{ actor: Actor }>().actor;
});
