import { checkWebhookUrl, DestinationRefused, forbiddenAddressReason, parseV6, resolveDestination, type Resolver } from './ssrf.js';

const STRICT = { requireHttps: true, allowPrivate: false };
const DEV = { requireHttps: false, allowPrivate: true };

const resolver =
  (answers: Record<string, string[]>): Resolver =>
  async (host) => {
    const list = answers[host];
    if (!list) throw new Error('ENOTFOUND');
    return list.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
  };

const refusal = async (promise: Promise<unknown>) => {
  try {
    await promise;
  } catch (error) {
    return error instanceof DestinationRefused ? error.code : `unexpected: ${String(error)}`;
  }
  return 'not refused';
};

describe('SSRF guard', () => {
  it.each([
    '127.0.0.1',
    '127.8.9.1',
    '10.1.2.3',
    '172.16.0.1',
    '172.31.255.255',
    '192.168.1.1',
    '169.254.169.254', // cloud metadata
    '100.64.0.1',
    '0.0.0.0',
    '224.0.0.1',
    '255.255.255.255',
    '198.18.0.1',
    '::1',
    '::',
    'fc00::1',
    'fd12:3456::1',
    'fe80::1',
    'fe80::1%eth0',
    'ff02::1',
    '::ffff:127.0.0.1',
    '::ffff:7f00:1',
    '::ffff:10.0.0.1',
    '::127.0.0.1',
    '64:ff9b::10.0.0.1',
    '2002:7f00:1::',
    '2001:db8::1',
  ])('forbids %s', (ip) => {
    expect(forbiddenAddressReason(ip)).not.toBeNull();
  });

  it.each(['8.8.8.8', '1.1.1.1', '172.32.0.1', '100.128.0.1', '2606:4700:4700::1111', '2400:3200::1', '::ffff:8.8.8.8', '64:ff9b::808:808'])('allows the public address %s', (ip) => {
    expect(forbiddenAddressReason(ip)).toBeNull();
  });

  it('names ::1 loopback and :: unspecified (not as IPv4 in IPv6)', () => {
    expect(forbiddenAddressReason('::1')).toBe('loopback');
    expect(forbiddenAddressReason('::')).toBe('unspecified');
    expect(forbiddenAddressReason('::127.0.0.1')).toBe('loopback (IPv4 in IPv6)');
  });

  it('expands IPv6 forms', () => {
    expect(parseV6('::1')).toEqual([...new Array<number>(15).fill(0), 1]);
    expect(parseV6('::ffff:1.2.3.4').slice(10)).toEqual([0xff, 0xff, 1, 2, 3, 4]);
    expect(parseV6('2001:db8::8:800:200c:417a')).toEqual([0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 8, 8, 0, 0x20, 0x0c, 0x41, 0x7a]);
  });

  it('checks the URL: https only in production, no credentials, no forbidden literal address', () => {
    expect(checkWebhookUrl('https://vendor.example.com/hooks', STRICT).hostname).toBe('vendor.example.com');
    expect(() => checkWebhookUrl('http://vendor.example.com/hooks', STRICT)).toThrow(/URL_SCHEME/);
    expect(() => checkWebhookUrl('ftp://vendor.example.com/', DEV)).toThrow(/URL_SCHEME/);
    expect(() => checkWebhookUrl('file:///etc/passwd', DEV)).toThrow(/URL_SCHEME/);
    expect(() => checkWebhookUrl('https://user:pw@vendor.example.com/', STRICT)).toThrow(/URL_CREDENTIALS/);
    expect(() => checkWebhookUrl('https://127.0.0.1/', STRICT)).toThrow(/URL_FORBIDDEN_ADDRESS/);
    expect(() => checkWebhookUrl('https://[::1]:8443/', STRICT)).toThrow(/URL_FORBIDDEN_ADDRESS/);
    expect(() => checkWebhookUrl('https://2130706433/', STRICT)).toThrow(/URL_FORBIDDEN_ADDRESS/); // 127.0.0.1 as a number
    expect(() => checkWebhookUrl('not a url', STRICT)).toThrow(/URL_INVALID/);
    expect(checkWebhookUrl('http://127.0.0.1:4000/hooks', DEV).port).toBe('4000');
  });

  it('checks the resolved addresses, not the name', async () => {
    const dns = resolver({
      'vendor.example.com': ['93.184.216.34'],
      'rebind.example.com': ['93.184.216.34', '10.0.0.5'],
      'metadata.example.com': ['169.254.169.254'],
      'v6.example.com': ['::ffff:192.168.0.10'],
      localhost: ['127.0.0.1', '::1'],
    });
    const url = (host: string) => new URL(`https://${host}/hooks`);
    await expect(resolveDestination(url('vendor.example.com'), STRICT, dns)).resolves.toEqual({ address: '93.184.216.34', family: 4 });
    expect(await refusal(resolveDestination(url('rebind.example.com'), STRICT, dns))).toBe('URL_FORBIDDEN_ADDRESS');
    expect(await refusal(resolveDestination(url('metadata.example.com'), STRICT, dns))).toBe('URL_FORBIDDEN_ADDRESS');
    expect(await refusal(resolveDestination(url('v6.example.com'), STRICT, dns))).toBe('URL_FORBIDDEN_ADDRESS');
    expect(await refusal(resolveDestination(url('localhost'), STRICT, dns))).toBe('URL_FORBIDDEN_ADDRESS');
    expect(await refusal(resolveDestination(url('nowhere.example.com'), STRICT, dns))).toBe('URL_UNRESOLVABLE');
    await expect(resolveDestination(url('localhost'), DEV, dns)).resolves.toEqual({ address: '127.0.0.1', family: 4 });
  });

  it('gives up on a resolver that hangs', async () => {
    const hanging: Resolver = () => new Promise(() => undefined);
    expect(await refusal(resolveDestination(new URL('https://slow.example.com/'), STRICT, hanging, 20))).toBe('URL_UNRESOLVABLE');
  });
});
