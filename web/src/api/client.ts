import createClient from 'openapi-fetch';
import { NetworkError, toApiError } from './errors';
import { sendPatiently } from './retry';
import { API_ROUTES } from './routes.gen';
import type { paths } from './schema';
import { session } from './session';

const SESSION_ROUTES = /\/api\/v1\/auth\/(login|refresh|logout)$/;

function withToken(request: Request): Request {
  const token = session.token;
  if (token) request.headers.set('Authorization', `Bearer ${token}`);
  return request;
}

/** Sends a copy of `request` (so it can be sent again), waiting out 429s as the server's Retry-After asks. */
async function send(request: Request): Promise<Response> {
  try {
    return await sendPatiently(() => fetch(withToken(request.clone())));
  } catch {
    throw new NetworkError();
  }
}

/**
 * Adds the access token; on 401 refreshes once and retries, and ends the session (back to sign-in) only when the
 * server refused the refresh token. A refresh that could not be made (rate limited, network) keeps the session.
 */
export async function authFetch(request: Request): Promise<Response> {
  const response = await send(request);
  if (response.status !== 401 || SESSION_ROUTES.test(new URL(request.url).pathname)) return response;
  const refreshed = await session.refreshOutcome();
  if (refreshed === 'ok') {
    const again = await send(request);
    if (again.status !== 401) return again;
  }
  if (refreshed !== 'unavailable') session.expire();
  return response;
}

/** The typed client: paths, parameters and bodies come from openapi.json (`npm run web:api`). */
export const api = createClient<paths>({ baseUrl: window.location.origin, fetch: authFetch });

type Answer<T> = { data?: T; error?: unknown; response: Response };

/** The data of a call, or an ApiError carrying the server's code and bilingual message. */
export async function call<T>(pending: Promise<Answer<T>>): Promise<T> {
  const { data, error, response } = await pending;
  if (!response.ok) throw toApiError(response.status, error);
  return data as T;
}

/** Whether the server offers a route (`'POST /api/v1/me/help'`), as generated from openapi.json. */
export function hasRoute(route: string): boolean {
  return API_ROUTES.has(route);
}

/** Whether any route starts with a prefix (`'/api/v1/reports'`). */
export function hasRoutesUnder(prefix: string): boolean {
  for (const route of API_ROUTES) if (route.split(' ')[1].startsWith(prefix)) return true;
  return false;
}
