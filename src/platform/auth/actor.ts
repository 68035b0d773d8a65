import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { ActorRole } from './permissions.js';

/** Who is asking: the first argument of every service method. */
export interface Actor {
  userId: string;
  username: string;
  role: ActorRole;
  orgUnitId: string;
  /**
   * The materialised path of `orgUnitId` (`/root/…/unit/`), set by the access guard from the account's current unit,
   * so a scope binds it as a parameter instead of reading it per query (src/people/access/org-subtree.ts).
   */
  orgUnitPath?: string;
  /** The worker profile of a worker account; null for staff. */
  workerId: string | null;
  ip: string | null;
  /** Set only for an EAP vendor's API key (role `vendor`; `userId` is then the key's id, `orgUnitId` empty). */
  vendorId?: string;
}

/** A system actor for jobs and start-up work; never reaches a controller. */
export const SYSTEM_ACTOR: Actor = {
  userId: '00000000-0000-0000-0000-000000000000',
  username: 'system',
  role: 'admin',
  orgUnitId: '',
  workerId: null,
  ip: null,
};

export const CurrentActor = createParamDecorator((_: unknown, context: ExecutionContext): Actor => {
  const request = context.switchToHttp().getRequest<{ user: Actor }>();
  return request.user;
});
