import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { AppConfig } from '../config/app-config.js';
import { signSmsBody } from './sms-signature.js';

export interface OutgoingSms {
  /** Our message id: the gateway echoes it in delivery receipts, and a retried send carries the same id. */
  messageId: string;
  to: string;
  text: string;
}

export class SmsGatewayError extends Error {
  constructor(
    message: string,
    /** A 4xx other than 408/429: the gateway refused this message and retrying will not help. */
    readonly permanent: boolean,
  ) {
    super(message);
  }
}

/**
 * The HTTP SMS gateway: one JSON POST per message to `SMS_GATEWAY_URL` with the key as a bearer token and the body
 * signed (sms-signature.ts). Any provider (a carrier's or an aggregator's HTTP API) sits behind a small adapter that
 * speaks this; tests and the demo use the local sink in `scripts/lib/sms-sink.ts`.
 */
@Injectable()
export class SmsGateway {
  constructor(private readonly config: ConfigService<AppConfig, true>) {}

  get configured(): boolean {
    return this.config.get('SMS_GATEWAY_URL', { infer: true }) !== '';
  }

  async send(message: OutgoingSms): Promise<{ providerMessageId: string | null }> {
    const url = this.config.get('SMS_GATEWAY_URL', { infer: true });
    const body = JSON.stringify({ id: message.messageId, to: message.to, text: message.text });
    const timestamp = Math.floor(Date.now() / 1000);
    let response: Response;
    try {
      response = await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${this.config.get('SMS_GATEWAY_KEY', { infer: true })}`,
          'x-sms-timestamp': String(timestamp),
          'x-sms-signature': signSmsBody(this.config.get('SMS_GATEWAY_SECRET', { infer: true }), timestamp, body),
        },
        body,
        signal: AbortSignal.timeout(10_000),
      });
    } catch (error) {
      throw new SmsGatewayError(`gateway unreachable: ${(error as Error).name}`, false);
    }
    if (!response.ok) {
      const permanent = response.status >= 400 && response.status < 500 && ![408, 429].includes(response.status);
      throw new SmsGatewayError(`gateway answered ${response.status}`, permanent);
    }
    const answer = (await response.json().catch(() => ({}))) as { id?: unknown };
    return { providerMessageId: typeof answer.id === 'string' ? answer.id.slice(0, 100) : null };
  }
}
