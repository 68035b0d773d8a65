import { Injectable, type OnModuleInit } from '@nestjs/common';
import { RetentionRegistry } from '../../platform/retention/retention.registry.js';
import { deleteBatch } from '../../platform/retention/retention.service.js';

/**
 * The webhook delivery log (one row per attempt: outcome, status, error, duration) is for operating the link to a
 * vendor; after RETENTION_WEBHOOK_DELIVERY_DAYS it goes. The messages themselves and the referral history stay.
 */
@Injectable()
export class WebhookRetention implements OnModuleInit {
  constructor(private readonly registry: RetentionRegistry) {}

  onModuleInit(): void {
    this.registry.register({
      name: 'eap_webhook_deliveries',
      setting: 'RETENTION_WEBHOOK_DELIVERY_DAYS',
      what: 'webhook delivery attempts made before the cut-off are deleted from the delivery log',
      apply: (manager, cutoff, limit) => deleteBatch(manager, 'eap_webhook_deliveries', 'attempted_at < :cutoff', cutoff, limit),
    });
  }
}
