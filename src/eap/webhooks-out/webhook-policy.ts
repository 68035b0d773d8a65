import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { AppConfig } from '../../platform/config/app-config.js';
import type { DestinationPolicy } from './ssrf.js';

/** Where webhooks may go, from the configuration: https only in production; private addresses only where allowed. */
@Injectable()
export class WebhookPolicy {
  readonly destinations: DestinationPolicy;
  readonly timeoutMs: number;

  constructor(config: ConfigService<AppConfig, true>) {
    this.destinations = {
      requireHttps: config.get('NODE_ENV', { infer: true }) === 'production',
      allowPrivate: config.get('EAP_WEBHOOK_ALLOW_PRIVATE_NETWORKS', { infer: true }),
    };
    this.timeoutMs = config.get('EAP_WEBHOOK_TIMEOUT_MS', { infer: true });
  }
}
