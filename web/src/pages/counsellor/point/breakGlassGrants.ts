import type { Schemas } from '../../../api/types';

type Grant = Schemas['BreakGlassGrantDto'];
const KEY = 'xingang.breakGlass';

/**
 * The emergency-access grants this tab opened, until they expire: the server answers them once (POST) and the
 * counsellor has no list of her own, so the banner reads them from sessionStorage (this tab only, like the session).
 */
export function activeGrants(now = Date.now()): Grant[] {
  try {
    const all = JSON.parse(sessionStorage.getItem(KEY) ?? '[]') as Grant[];
    return all.filter((g) => new Date(g.expiresAt).getTime() > now);
  } catch {
    return [];
  }
}

export function keepGrant(grant: Grant): void {
  sessionStorage.setItem(KEY, JSON.stringify([grant, ...activeGrants().filter((g) => g.id !== grant.id)]));
}
