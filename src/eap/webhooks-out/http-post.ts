import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import type { ResolvedAddress } from './ssrf.js';

/**
 * POSTs a webhook to the address the SSRF guard checked: the socket's DNS lookup is answered with that address, so the
 * name cannot resolve to anything else between the check and the connection (TLS still verifies the certificate for
 * the URL's host name). Redirects are not followed. Resolves with the status code (and any Retry-After) as soon as
 * they arrive.
 */
export function postWebhook(url: URL, destination: ResolvedAddress, headers: Record<string, string>, body: string, timeoutMs: number): Promise<{ status: number; retryAfter?: string }> {
  const payload = Buffer.from(body, 'utf8');
  const pinned = ((_host: string, options: { all?: boolean }, callback: (...args: unknown[]) => void) => {
    if (options.all) callback(null, [{ address: destination.address, family: destination.family }]);
    else callback(null, destination.address, destination.family);
  }) as unknown as LookupFunction;
  return new Promise<{ status: number; retryAfter?: string }>((resolve, reject) => {
    const request = (url.protocol === 'https:' ? https : http).request(
      url,
      {
        method: 'POST',
        agent: false,
        lookup: pinned,
        headers: { ...headers, 'content-type': 'application/json', 'content-length': String(payload.length), 'user-agent': 'Xingang-Webhooks/1' },
      },
      (response) => {
        clearTimeout(timer);
        const retryAfter: string | string[] | undefined = response.headers['retry-after'];
        resolve({ status: response.statusCode ?? 0, retryAfter: typeof retryAfter === 'string' ? retryAfter : retryAfter?.[0] });
        response.destroy();
      },
    );
    const timer = setTimeout(() => request.destroy(new Error(`timed out after ${timeoutMs} ms`)), timeoutMs);
    request.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    request.end(payload);
  });
}
