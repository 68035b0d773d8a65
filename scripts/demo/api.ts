/** One caller of the API: method, path under /api/v1, JSON body; answers the parsed JSON (throws on any non-2xx). */
export type Call = (method: string, path: string, body?: unknown) => Promise<Record<string, unknown>>;

/** A tiny client for seeding the demo through the app's own HTTP API (the same validation and rules as users get). */
export interface DemoApi {
  /** Signed in as a demo account (password DEMO_PASSWORD). */
  as(username: string): Promise<Call>;
  /** As an EAP vendor's system, with its API key. */
  asVendor(apiKey: string): Call;
}

export function demoApi(baseUrl: string, password: string): DemoApi {
  const tokens = new Map<string, string>();
  const caller =
    (token: string): Call =>
    async (method, path, body) => {
      const response = await fetch(`${baseUrl}/api/v1${path}`, {
        method,
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await response.text();
      if (!response.ok) throw new Error(`demo seed: ${method} ${path} → ${response.status} ${text}`);
      return (text ? JSON.parse(text) : {}) as Record<string, unknown>;
    };
  return {
    async as(username) {
      if (!tokens.has(username)) {
        const login = await caller('')('POST', '/auth/login', { username, password });
        tokens.set(username, String(login.accessToken));
      }
      return caller(tokens.get(username)!);
    },
    asVendor: (apiKey) => caller(apiKey),
  };
}

/** The items of a paged list answer. */
export const itemsOf = (page: Record<string, unknown>) => page.items as Array<Record<string, unknown>>;
