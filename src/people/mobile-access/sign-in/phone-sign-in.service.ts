import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../../../platform/auth/actor.js';
import { AuditService } from '../../../platform/audit/audit.service.js';
import { Transactions } from '../../../platform/database/transactions.js';
import { DomainError } from '../../../platform/errors/domain-error.js';
import { mobileLookupHash, normaliseMobile } from '../../../platform/sms/phone-numbers.js';
import { AuthService } from '../../auth/auth.service.js';
import type { TokensDto } from '../../auth/auth.dto.js';
import { User } from '../../users/user.entity.js';
import { Worker } from '../../workers/worker.entity.js';
import { SmsCodesService, invalidMobile } from '../codes/sms-codes.service.js';
import type { CodeSentDto } from './phone-auth.dto.js';

/** The active worker account whose profile has this number (never an erased profile). */
export async function workerAccountByMobile(manager: EntityManager, mobile: string): Promise<User | null> {
  const worker = await manager.findOne(Worker, { where: { phoneHash: mobileLookupHash(mobile), erased: false }, select: { id: true } });
  if (!worker) return null;
  return manager.findOne(User, { where: { workerId: worker.id, active: true, role: 'worker' } });
}

/** Workers sign in with their mobile number and a code by SMS; staff keep passwords (and TOTP). */
@Injectable()
export class PhoneSignInService {
  constructor(
    private readonly transactions: Transactions,
    private readonly codes: SmsCodesService,
    private readonly auth: AuthService,
    private readonly audit: AuditService,
  ) {}

  async requestCode(phone: string, ip: string | null): Promise<CodeSentDto> {
    const mobile = normaliseMobile(phone);
    if (!mobile) throw invalidMobile();
    const account = await this.transactions.read((m) => workerAccountByMobile(m, mobile));
    const sent = await this.codes.issue('login', mobile, ip, account !== null);
    return { accepted: true, ...sent };
  }

  async signIn(phone: string, code: string, ip: string | null): Promise<TokensDto> {
    const { codeId, mobile } = await this.codes.check('login', phone, code);
    return this.transactions.run(async (manager) => {
      const user = await workerAccountByMobile(manager, mobile);
      if (!user) throw new DomainError(400, 'SMS_CODE_INVALID', '验证码错误或已过期，请重新获取', 'The code is wrong or has expired; ask for a new one');
      await this.codes.consume(manager, codeId);
      const actor = { userId: user.id, role: user.role, ip } as unknown as Actor;
      await this.audit.record(manager, actor, { action: 'auth.login', resourceType: 'user', resourceId: user.id, outcome: 'success', detail: { method: 'sms_code' } });
      return this.auth.issue(manager, user, randomUUID());
    });
  }
}
