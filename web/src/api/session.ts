import { sendPatiently } from './retry';
import type { Tokens } from './types';

/** ok: new tokens; over: the server refused the refresh token (sign in again); unavailable: try later. */
export type RefreshOutcome = 'ok' | 'over' | 'unavailable';

const REFRESH_KEY = 'xingang.refreshToken';

/**
 * The signed-in session: the access token in memory only, the refresh token in sessionStorage (survives a reload of
 * this tab, not the closing of it). Refreshing rotates the refresh token; presenting an old one revokes the whole
 * session on the server, so concurrent callers share one refresh in flight.
 */
class Session {
  private accessToken: string | null = null;
  private inFlight: Promise<RefreshOutcome> | null = null;
  private readonly expiredListeners = new Set<() => void>();

  get token(): string | null {
    return this.accessToken;
  }

  get canResume(): boolean {
    return this.refreshToken !== null;
  }

  private get refreshToken(): string | null {
    try {
      return sessionStorage.getItem(REFRESH_KEY);
    } catch {
      return null;
    }
  }

  store(tokens: Tokens): void {
    this.accessToken = tokens.accessToken;
    sessionStorage.setItem(REFRESH_KEY, tokens.refreshToken);
  }

  clear(): void {
    this.accessToken = null;
    sessionStorage.removeItem(REFRESH_KEY);
  }

  /** Trades the refresh token for a new pair, once at a time; false when it could not (see refreshOutcome). */
  async refresh(): Promise<boolean> {
    return (await this.refreshOutcome()) === 'ok';
  }

  refreshOutcome(): Promise<RefreshOutcome> {
    this.inFlight ??= this.doRefresh().finally(() => (this.inFlight = null));
    return this.inFlight;
  }

  private async doRefresh(): Promise<RefreshOutcome> {
    const refreshToken = this.refreshToken;
    if (!refreshToken) return 'over';
    try {
      // api: POST /api/v1/auth/refresh
      const response = await sendPatiently(() =>
        fetch('/api/v1/auth/refresh', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ refreshToken }),
        }),
      );
      if (!response.ok) {
        if (response.status === 401) {
          this.clear();
          return 'over';
        }
        return 'unavailable'; // 429 past its retries, 5xx: the session stands
      }
      this.store((await response.json()) as Tokens);
      return 'ok';
    } catch {
      return 'unavailable';
    }
  }

  /** The session ended (refresh refused): the app goes back to the sign-in page. */
  expire(): void {
    this.clear();
    for (const listener of this.expiredListeners) listener();
  }

  onExpired(listener: () => void): () => void {
    this.expiredListeners.add(listener);
    return () => this.expiredListeners.delete(listener);
  }

  async logout(): Promise<void> {
    const refreshToken = this.refreshToken;
    this.clear();
    if (refreshToken) {
      // api: POST /api/v1/auth/logout
      await fetch('/api/v1/auth/logout', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ refreshToken }),
      }).catch(() => undefined);
    }
  }
}

export const session = new Session();
