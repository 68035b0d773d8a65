import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';

/**
 * SSRF guard for webhook destinations. A vendor (or whoever holds an admin session) chooses the URL, so before any
 * request the host's resolved addresses are checked against the special-purpose ranges (loopback, private, link-local
 * with the cloud metadata address, CGNAT, multicast, documentation …, including IPv4 embedded in IPv6), and the
 * connection is then pinned to the address that was checked, so a second DNS answer cannot swap it (rebinding).
 */
export interface DestinationPolicy {
  /** Production: https only. */
  requireHttps: boolean;
  /** Development and the e2e suite only: loopback and private addresses allowed. */
  allowPrivate: boolean;
}

export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

export type Resolver = (hostname: string) => Promise<ResolvedAddress[]>;

export class DestinationRefused extends Error {
  constructor(
    readonly code: 'URL_INVALID' | 'URL_SCHEME' | 'URL_CREDENTIALS' | 'URL_FORBIDDEN_ADDRESS' | 'URL_UNRESOLVABLE',
    readonly detail: string,
  ) {
    super(`${code}: ${detail}`);
  }
}

type Range = [prefix: number[], bits: number, reason: string];

const V4: Range[] = [
  [[0, 0, 0, 0], 8, 'unspecified'],
  [[10, 0, 0, 0], 8, 'private'],
  [[100, 64, 0, 0], 10, 'shared (CGNAT)'],
  [[127, 0, 0, 0], 8, 'loopback'],
  [[169, 254, 0, 0], 16, 'link-local'],
  [[172, 16, 0, 0], 12, 'private'],
  [[192, 0, 0, 0], 24, 'special-purpose'],
  [[192, 0, 2, 0], 24, 'documentation'],
  [[192, 88, 99, 0], 24, '6to4 relay'],
  [[192, 168, 0, 0], 16, 'private'],
  [[198, 18, 0, 0], 15, 'benchmarking'],
  [[198, 51, 100, 0], 24, 'documentation'],
  [[203, 0, 113, 0], 24, 'documentation'],
  [[224, 0, 0, 0], 4, 'multicast'],
  [[240, 0, 0, 0], 4, 'reserved'],
];

const hex = (...words: number[]) => words.flatMap((w) => [w >> 8, w & 0xff]);
const V6: Range[] = [
  [hex(0, 0, 0, 0, 0, 0, 0, 0), 128, 'unspecified'],
  [hex(0, 0, 0, 0, 0, 0, 0, 1), 128, 'loopback'],
  [hex(0x100, 0, 0, 0), 64, 'discard'],
  [hex(0x2001, 0), 23, 'special-purpose'],
  [hex(0x2001, 0xdb8), 32, 'documentation'],
  [hex(0xfc00), 7, 'private (unique local)'],
  [hex(0xfe80), 10, 'link-local'],
  [hex(0xfec0), 10, 'site-local'],
  [hex(0xff00), 8, 'multicast'],
];

function inRange(bytes: number[], [prefix, bits]: Range): boolean {
  for (let i = 0; i < bits; i++) {
    const byte = i >> 3;
    const mask = 0x80 >> (i & 7);
    if ((bytes[byte] & mask) !== ((prefix[byte] ?? 0) & mask)) return false;
  }
  return true;
}

function parseV4(ip: string): number[] {
  return ip.split('.').map(Number);
}

/** 16 bytes of an IPv6 address (with `::` and a trailing dotted quad expanded). */
export function parseV6(ip: string): number[] {
  let text = ip.split('%')[0].toLowerCase();
  let tail: number[] = [];
  const quad = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (quad) {
    tail = parseV4(quad[1]);
    text = text.slice(0, -quad[1].length) + '0:0';
  }
  const [head, rest] = text.includes('::') ? text.split('::') : [text, null];
  const words = (part: string) => (part ? part.split(':').map((w) => parseInt(w, 16)) : []);
  const left = words(head);
  const right = rest === null ? [] : words(rest);
  const all = [...left, ...new Array<number>(8 - left.length - right.length).fill(0), ...right];
  const bytes = hex(...all);
  if (tail.length) bytes.splice(12, 4, ...tail);
  return bytes;
}

/** IPv4 carried inside an IPv6 address (mapped, compatible, NAT64, 6to4), which must pass the IPv4 check too. */
function embeddedV4(bytes: number[]): number[] | null {
  const zeros = (from: number, to: number) => bytes.slice(from, to).every((b) => b === 0);
  if (zeros(0, 10) && bytes[10] === 0xff && bytes[11] === 0xff) return bytes.slice(12);
  if (zeros(0, 12) && !zeros(12, 16)) return bytes.slice(12);
  if (bytes[0] === 0x00 && bytes[1] === 0x64 && bytes[2] === 0xff && bytes[3] === 0x9b && zeros(4, 12)) return bytes.slice(12);
  if (bytes[0] === 0x20 && bytes[1] === 0x02) return bytes.slice(2, 6);
  return null;
}

/** Why an address may not receive webhooks (null: a public address). */
export function forbiddenAddressReason(ip: string): string | null {
  const family = isIP(ip.split('%')[0]);
  if (family === 4) return V4.find((range) => inRange(parseV4(ip), range))?.[2] ?? null;
  if (family !== 6) return 'not an IP address';
  const bytes = parseV6(ip);
  // :: and ::1 are whole addresses of their own, not IPv4-compatible forms of 0.0.0.0 and 0.0.0.1.
  const exact = V6.find((range) => range[1] === 128 && inRange(bytes, range));
  if (exact) return exact[2];
  const v4 = embeddedV4(bytes);
  if (v4) {
    const reason = V4.find((range) => inRange(v4, range))?.[2];
    if (reason) return `${reason} (IPv4 in IPv6)`;
  }
  return V6.find((range) => inRange(bytes, range))?.[2] ?? null;
}

/** Checks the URL itself: scheme, no credentials, and a literal IP host against the ranges. */
export function checkWebhookUrl(raw: string, policy: DestinationPolicy): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new DestinationRefused('URL_INVALID', 'not a URL');
  }
  const schemes = policy.requireHttps ? ['https:'] : ['https:', 'http:'];
  if (!schemes.includes(url.protocol)) throw new DestinationRefused('URL_SCHEME', `scheme ${url.protocol} not allowed (${schemes.join(', ')})`);
  if (url.username || url.password) throw new DestinationRefused('URL_CREDENTIALS', 'credentials in the URL');
  if (!url.hostname) throw new DestinationRefused('URL_INVALID', 'no host');
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (isIP(host) && !policy.allowPrivate) {
    const reason = forbiddenAddressReason(host);
    if (reason) throw new DestinationRefused('URL_FORBIDDEN_ADDRESS', `${host} is ${reason}`);
  }
  return url;
}

const systemResolver: Resolver = async (hostname) =>
  (await lookup(hostname, { all: true, verbatim: true })).map((a) => ({ address: a.address, family: a.family === 6 ? 6 : 4 }));

/**
 * Resolves the URL's host and checks every address it resolves to (one forbidden address refuses the host: mixed
 * answers are how rebinding attacks start). Returns the address to connect to.
 */
export async function resolveDestination(url: URL, policy: DestinationPolicy, resolve: Resolver = systemResolver, timeoutMs = 5000): Promise<ResolvedAddress> {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const literal = isIP(host);
  let addresses: ResolvedAddress[];
  if (literal) {
    addresses = [{ address: host, family: literal === 6 ? 6 : 4 }];
  } else {
    let timer: NodeJS.Timeout | undefined;
    try {
      addresses = await Promise.race([
        resolve(host),
        new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error('DNS timeout')), timeoutMs))),
      ]);
    } catch (error) {
      throw new DestinationRefused('URL_UNRESOLVABLE', `${host}: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      clearTimeout(timer);
    }
  }
  if (addresses.length === 0) throw new DestinationRefused('URL_UNRESOLVABLE', `${host}: no address`);
  if (!policy.allowPrivate) {
    for (const { address } of addresses) {
      const reason = forbiddenAddressReason(address);
      if (reason) throw new DestinationRefused('URL_FORBIDDEN_ADDRESS', `${host} resolves to ${address} (${reason})`);
    }
  }
  return addresses[0];
}
