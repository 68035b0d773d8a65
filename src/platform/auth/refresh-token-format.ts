/**
 * A refresh token as the client holds it: `<family id>.<token id>.<secret>`. The family leads so that the refresh
 * limit can count per session (token family) before any database read; the service checks it against the stored
 * token. Tokens issued before the family was included (`<token id>.<secret>`) stay valid until they expire.
 */
export interface PresentedRefreshToken {
  familyId: string | null;
  id: string;
  secret: string;
}

const UUID = /^[0-9a-f-]{36}$/;

export function formatRefreshToken(familyId: string, id: string, secret: string): string {
  return `${familyId}.${id}.${secret}`;
}

export function parseRefreshToken(presented: unknown): PresentedRefreshToken | null {
  if (typeof presented !== 'string' || presented.length > 300) return null;
  const parts = presented.split('.');
  const [familyId, id, secret] = parts.length === 3 ? parts : [null, ...parts];
  if (!id || !secret || !UUID.test(id) || (familyId !== null && !UUID.test(familyId))) return null;
  return { familyId, id, secret };
}
