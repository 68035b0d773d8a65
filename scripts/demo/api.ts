/** A tiny client for seeding the demo through the app's own HTTP API (the same validation and rules as users get). */
export interface DemoApi {
  as(username: string): Promise<(method: string, path: string, body?: unknown) => Promise<Record<string, unknown>>>;
}

export function demoApi(baseUrl: string, password: string): DemoApi {
  const tokens = new Map<string, string>();
  const call = async (token: string, method: string, path: string, body?: unknown) => {
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
        const login = await call('', 'POST', '/auth/login', { username, password });
        tokens.set(username, String(login.accessToken));
      }
      const token = tokens.get(username)!;
      return (method, path, body) => call(token, method, path, body);
    },
  };
}
