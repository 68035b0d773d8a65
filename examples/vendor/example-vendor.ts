/**
 * A small EAP vendor, as a vendor's integration with Xingang would look: an HTTP server that receives Xingang's
 * webhooks, verifies them (Standard Webhooks) and processes each `webhook-id` once, and a client that reads referrals
 * and reports outcomes through the vendor API with its key, or as signed webhooks. Plain Node (http + fetch).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { headersFor, verifyMessage } from './standard-webhooks.js';

export interface ExampleVendorOptions {
  /** Xingang's base URL, e.g. http://127.0.0.1:3000 (or a function giving it, if it moves). */
  xingangUrl: string | (() => string);
  /** The vendor API key (`xg_vendor_…`). */
  apiKey: string;
  /** The endpoint's signing secret (`whsec_…`) Xingang signs its webhooks with; several during a rotation. */
  webhookSecrets?: string[];
  /** The vendor's own secret for signing webhooks to Xingang, and its vendor id (the path of Xingang's inbound route). */
  inboundSecret?: string;
  vendorId?: string;
  /** The vendor's clock (seconds are compared with `webhook-timestamp`). */
  now?: () => number;
  /** Called once per new message, after verification, before the 2xx answer. */
  onEvent?: (event: ReceivedEvent) => void | Promise<void>;
  /** Answer with this status instead of processing (e.g. 410 to retire the endpoint, 503 to simulate an outage). */
  answer?: () => number | null;
}

export interface ReceivedEvent {
  webhookId: string;
  type: string;
  timestamp: string;
  data: Record<string, unknown>;
}

export interface OutcomeReport {
  type: 'accepted' | 'declined' | 'session_attended' | 'completed' | 'dropped_out';
  sessionNumber?: number;
  occurredAt?: string;
  note?: string;
}

export class ExampleVendor {
  /** Messages processed, once each. */
  readonly events: ReceivedEvent[] = [];
  /** Every POST that reached the server, duplicates and refusals included. */
  deliveries = 0;
  duplicates = 0;
  refused: string[] = [];
  private readonly seen = new Set<string>();
  private server: Server | null = null;

  constructor(private readonly options: ExampleVendorOptions) {}

  set webhookSecrets(secrets: string[]) {
    this.options.webhookSecrets = secrets;
  }

  /** Starts the webhook receiver; returns the URL to register with Xingang. */
  async start(port = 0, host = '127.0.0.1'): Promise<string> {
    this.server = createServer((request, response) => void this.handle(request, response));
    await new Promise<void>((resolve) => this.server!.listen(port, host, resolve));
    const address = this.server.address() as AddressInfo;
    return `http://${host}:${address.port}/webhooks`;
  }

  async stop(): Promise<void> {
    if (!this.server) return;
    const server = this.server;
    this.server = null;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    this.deliveries++;
    if (request.method !== 'POST' || request.url !== '/webhooks') return this.reply(response, 404);
    const forced = this.options.answer?.();
    if (forced) return this.reply(response, forced);
    const header = (name: string): string | undefined => {
      const value = request.headers[name];
      return typeof value === 'string' ? value : undefined;
    };
    const id = header('webhook-id');
    const nowSeconds = Math.floor((this.options.now?.() ?? Date.now()) / 1000);
    const verdicts = (this.options.webhookSecrets ?? []).map((secret) =>
      verifyMessage(secret, { id, timestamp: header('webhook-timestamp'), signature: header('webhook-signature') }, body, nowSeconds),
    );
    if (!verdicts.includes('ok')) {
      this.refused.push(verdicts[0] ?? 'no secret');
      return this.reply(response, 401);
    }
    // Dedupe on webhook-id: a redelivery (the sender crashed before it saw our answer) is acknowledged, not reprocessed.
    if (this.seen.has(id!)) {
      this.duplicates++;
      return this.reply(response, 200);
    }
    const event = JSON.parse(body.toString('utf8')) as Omit<ReceivedEvent, 'webhookId'>;
    const received = { webhookId: id!, type: event.type, timestamp: event.timestamp, data: event.data };
    this.seen.add(id!);
    this.events.push(received);
    await this.options.onEvent?.(received);
    this.reply(response, 204);
  }

  private reply(response: ServerResponse, status: number): void {
    if (!response.headersSent) response.writeHead(status).end();
  }

  /** The referrals sent to this vendor (GET /api/v1/vendor/referrals). */
  async referrals(): Promise<{ status: number; body: unknown }> {
    return this.call('GET', '/api/v1/vendor/referrals');
  }

  async referral(referralId: string): Promise<{ status: number; body: unknown }> {
    return this.call('GET', `/api/v1/vendor/referrals/${encodeURIComponent(referralId)}`);
  }

  /** Reports an outcome through the API with the key. */
  async report(referralId: string, report: OutcomeReport): Promise<{ status: number; body: unknown }> {
    return this.call('POST', `/api/v1/vendor/referrals/${encodeURIComponent(referralId)}/outcomes`, report);
  }

  /** Reports an outcome as a signed webhook to Xingang (`options` to forge ids or timestamps in tests). */
  async reportByWebhook(
    referralId: string,
    report: OutcomeReport,
    options: { id?: string; timestamp?: number; secret?: string } = {},
  ): Promise<{ status: number; body: unknown }> {
    const { type, ...data } = report;
    const nowSeconds = Math.floor((this.options.now?.() ?? Date.now()) / 1000);
    const body = JSON.stringify({ type: `referral.${type}`, timestamp: new Date(nowSeconds * 1000).toISOString(), data: { referralId, ...data } });
    const secret = options.secret ?? this.options.inboundSecret ?? '';
    const headers = headersFor(secret, body, { id: options.id, timestamp: options.timestamp ?? nowSeconds });
    const response = await fetch(`${this.baseUrl()}/api/v1/vendor/webhooks/${this.options.vendorId ?? ''}`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body,
    });
    return { status: response.status, body: await response.json().catch(() => null) };
  }

  private baseUrl(): string {
    return typeof this.options.xingangUrl === 'function' ? this.options.xingangUrl() : this.options.xingangUrl;
  }

  private async call(method: string, path: string, body?: unknown): Promise<{ status: number; body: unknown }> {
    const response = await fetch(`${this.baseUrl()}${path}`, {
      method,
      headers: { authorization: `Bearer ${this.options.apiKey}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    return { status: response.status, body: await response.json().catch(() => null) };
  }
}
