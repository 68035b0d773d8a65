import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { signSmsBody, verifySmsSignature } from '../../src/platform/sms/sms-signature.js';

export interface SinkMessage {
  id: string;
  /** Our message id, as the app sent it. */
  messageId: string;
  to: string;
  text: string;
  receivedAt: string;
}

export interface SmsSinkOptions {
  key: string;
  secret: string;
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * A local SMS gateway that delivers to nobody: it checks the app's key and signature exactly as a real gateway would,
 * keeps what it receives, answers with a provider id, and posts a signed delivery receipt back. The demo and the
 * tests send through it over real HTTP; its page (`GET /`) shows what was sent, like a phone's inbox.
 */
export class SmsSink {
  readonly messages: SinkMessage[] = [];
  /** Answer the next N sends with this status (e.g. 503), to test retries. */
  failNext: { count: number; status: number } = { count: 0, status: 503 };
  /** Where to post delivery receipts (the app's `/api/v1/sms/receipts`, known once the app listens); none when unset. */
  receiptsUrl: string | null = null;
  private server: Server | null = null;
  url = '';

  constructor(private readonly options: SmsSinkOptions) {}

  async start(port = 0): Promise<string> {
    this.server = createServer((request, response) => void this.handle(request, response));
    await new Promise<void>((resolve) => this.server!.listen(port, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as { port: number }).port}`;
    return this.url;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  to(phone: string): SinkMessage[] {
    return this.messages.filter((m) => m.to === phone);
  }

  /** The 6-digit code in the latest text to a number. */
  latestCode(phone: string): string | null {
    const last = this.to(phone).at(-1);
    return last?.text.match(/\d{6}/)?.[0] ?? null;
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const body = await new Promise<string>((resolve) => {
      let data = '';
      request.on('data', (chunk: Buffer) => (data += chunk.toString('utf8')));
      request.on('end', () => resolve(data));
    });
    const url = new URL(request.url ?? '/', 'http://sink');
    if (request.method === 'GET' && url.pathname === '/messages') return this.json(response, 200, this.filtered(url));
    if (request.method === 'GET' && url.pathname === '/') return this.page(response);
    if (request.method !== 'POST' || url.pathname !== '/send') return this.json(response, 404, { error: 'not found' });
    if (request.headers.authorization !== `Bearer ${this.options.key}`) return this.json(response, 401, { error: 'bad key' });
    const signed = verifySmsSignature(this.options.secret, { timestamp: request.headers['x-sms-timestamp'] as string, signature: request.headers['x-sms-signature'] as string }, body, Math.floor(Date.now() / 1000));
    if (!signed) return this.json(response, 401, { error: 'bad signature' });
    if (this.failNext.count > 0) {
      this.failNext.count -= 1;
      return this.json(response, this.failNext.status, { error: 'simulated failure' });
    }
    const sent = JSON.parse(body) as { id: string; to: string; text: string };
    // A gateway dedupes a retried send by the sender's message id: the phone gets it once.
    const existing = this.messages.find((m) => m.messageId === sent.id);
    const message = existing ?? { id: `sink-${this.messages.length + 1}`, messageId: sent.id, to: sent.to, text: sent.text, receivedAt: new Date().toISOString() };
    if (!existing) this.messages.push(message);
    this.json(response, 200, { id: message.id });
    if (this.receiptsUrl && !existing) void this.receipt(message).catch(() => undefined);
  }

  private async receipt(message: SinkMessage): Promise<void> {
    const body = JSON.stringify({ id: message.messageId, status: 'delivered' });
    const timestamp = Math.floor(Date.now() / 1000);
    await fetch(this.receiptsUrl!, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-sms-timestamp': String(timestamp), 'x-sms-signature': signSmsBody(this.options.secret, timestamp, body) },
      body,
    });
  }

  private filtered(url: URL): SinkMessage[] {
    const to = url.searchParams.get('to');
    return to ? this.to(to) : this.messages;
  }

  private json(response: ServerResponse, status: number, body: unknown): void {
    response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  }

  private page(response: ServerResponse): void {
    const rows = [...this.messages].reverse().map((m) => `<tr><td>${escapeHtml(m.receivedAt)}</td><td>${escapeHtml(m.to)}</td><td>${escapeHtml(m.text)}</td></tr>`).join('');
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(
      `<!doctype html><html lang="zh-CN"><meta charset="utf-8"><meta http-equiv="refresh" content="5"><title>短信收件箱（演示）/ SMS sink</title>` +
        `<body style="font-family:sans-serif"><h1>短信收件箱（演示，不会真正发出）/ SMS sink (demo: nothing leaves this machine)</h1>` +
        `<table border="1" cellpadding="6"><tr><th>时间 Time</th><th>号码 To</th><th>内容 Text</th></tr>${rows}</table></body></html>`,
    );
  }
}
