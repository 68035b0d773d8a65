import { Injectable, type OnModuleInit } from '@nestjs/common';
import { RetentionRegistry } from '../../platform/retention/retention.registry.js';
import { deleteBatch } from '../../platform/retention/retention.service.js';

/**
 * Sign-in records: a refresh token is one signed-in session (who, when, until when). Once it has expired or was
 * revoked before the cut-off (RETENTION_SIGN_IN_DAYS) it serves no purpose — replay detection only needs the
 * tokens of live sessions — and goes. Who signed in when stays in the audit log.
 */
@Injectable()
export class SignInRetention implements OnModuleInit {
  constructor(private readonly registry: RetentionRegistry) {}

  onModuleInit(): void {
    this.registry.register({
      name: 'refresh_tokens',
      setting: 'RETENTION_SIGN_IN_DAYS',
      what: 'sign-in sessions (refresh tokens) that expired or were revoked before the cut-off are deleted',
      apply: (manager, cutoff, limit) =>
        deleteBatch(manager, 'refresh_tokens', '(expires_at < :cutoff OR revoked_at < :cutoff)', cutoff, limit),
    });
  }
}
