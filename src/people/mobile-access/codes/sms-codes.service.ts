import { randomInt, timingSafeEqual } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { IsNull, MoreThan, type EntityManager } from 'typeorm';
import { Clock, HOUR } from '../../../platform/clock/clock.js';
import type { AppConfig } from '../../../platform/config/app-config.js';
import { lookupHash } from '../../../platform/crypto/lookup-hash.js';
import { Transactions } from '../../../platform/database/transactions.js';
import { DomainError, badRequest } from '../../../platform/errors/domain-error.js';
import { normaliseMobile } from '../../../platform/sms/phone-numbers.js';
import { SmsService } from '../../../platform/sms/sms.service.js';
import { SmsCode, type SmsCodePurpose } from './sms-code.entity.js';

export interface CodeSent {
  /** Seconds the code stays valid. */
  expiresInSeconds: number;
  /** Seconds before another code may be asked for this number. */
  retryAfterSeconds: number;
}

export const invalidMobile = () => badRequest('MOBILE_INVALID', '请填写有效的中国大陆手机号', 'Give a valid mainland mobile number');
const codeInvalid = () => new DomainError(400, 'SMS_CODE_INVALID', '验证码错误或已过期，请重新获取', 'The code is wrong or has expired; ask for a new one');
const tooMany = (code: string, zh: string, en: string, retryAfterSeconds: number) =>
  new DomainError(429, code, zh, en, { retryAfterSeconds });

/**
 * Sign-in and join codes: one per number per cooldown, a ceiling per IP address per hour (both counted in the
 * database, so every instance sees the same), a few wrong tries, then void. Wrong tries are committed before the
 * refusal, so guessing cannot be retried inside a rolled-back transaction.
 */
@Injectable()
export class SmsCodesService {
  constructor(
    private readonly config: ConfigService<AppConfig, true>,
    private readonly clock: Clock,
    private readonly transactions: Transactions,
    private readonly sms: SmsService,
  ) {}

  /** `deliver: false` (a sign-in code for a number with no account) records the request the same way but sends nothing. */
  async issue(purpose: SmsCodePurpose, rawPhone: string, ip: string | null, deliver = true): Promise<CodeSent> {
    const mobile = normaliseMobile(rawPhone);
    if (!mobile) throw invalidMobile();
    const ttl = this.config.get('SMS_CODE_TTL_SECONDS', { infer: true });
    const cooldown = this.config.get('SMS_CODE_COOLDOWN_SECONDS', { infer: true });
    const outcome = await this.transactions.run(async (manager): Promise<CodeSent | DomainError> => {
      const now = this.clock.now();
      const phoneHash = this.sms.hashOf(mobile);
      const ipHash = this.keyed(`ip:${ip ?? 'unknown'}`);
      const last = await manager.findOne(SmsCode, { where: { phoneHash, purpose }, order: { createdAt: 'DESC' } });
      const wait = last ? Math.ceil((last.createdAt.getTime() + cooldown * 1000 - now.getTime()) / 1000) : 0;
      if (wait > 0) return tooMany('SMS_CODE_COOLDOWN', `请 ${wait} 秒后再获取验证码`, `Wait ${wait} s before asking for another code`, wait);
      const fromIp = await manager.count(SmsCode, { where: { ipHash, createdAt: MoreThan(new Date(now.getTime() - HOUR)) } });
      if (fromIp >= this.config.get('SMS_CODE_IP_HOURLY_LIMIT', { infer: true })) {
        return tooMany('SMS_CODE_IP_LIMIT', '此网络请求验证码过于频繁，请稍后再试', 'Too many codes asked from this network; try again later', 3600);
      }
      const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
      const row = manager.create(SmsCode, { purpose, phoneHash, ipHash, codeHash: '', expiresAt: new Date(now.getTime() + ttl * 1000), attempts: 0, usedAt: null, createdAt: now });
      await manager.save(row);
      await manager.update(SmsCode, { id: row.id }, { codeHash: this.codeHash(row.id, code) });
      if (deliver) {
        const sent = await this.sms.queueSms(manager, { phone: mobile, template: 'verification_code', params: { code }, purpose: 'code' });
        if (sent.reason === 'number_limit') {
          return tooMany('SMS_NUMBER_LIMIT', '该号码今天收到的短信已达上限，请稍后再试', 'This number has had its texts for now; try again later', 3600);
        }
      }
      return { expiresInSeconds: ttl, retryAfterSeconds: cooldown };
    });
    if (outcome instanceof DomainError) throw outcome;
    return outcome;
  }

  /**
   * Checks a code and returns its id; a wrong code counts a try (committed). The code is spent by `consume` in the
   * transaction that acts on it, so a failed action leaves it usable and two racing uses cannot both succeed.
   */
  async check(purpose: SmsCodePurpose, rawPhone: string, code: string): Promise<{ codeId: string; mobile: string }> {
    const mobile = normaliseMobile(rawPhone);
    if (!mobile) throw invalidMobile();
    const outcome = await this.transactions.run(async (manager): Promise<string | null> => {
      const now = this.clock.now();
      const latest = await manager.findOne(SmsCode, {
        where: { phoneHash: this.sms.hashOf(mobile), purpose, usedAt: IsNull(), expiresAt: MoreThan(now) },
        order: { createdAt: 'DESC' },
      });
      if (!latest || latest.attempts >= this.config.get('SMS_CODE_MAX_ATTEMPTS', { infer: true })) return null;
      if (this.matches(latest, code)) return latest.id;
      await manager.update(SmsCode, { id: latest.id }, { attempts: latest.attempts + 1 });
      return null;
    });
    if (!outcome) throw codeInvalid();
    return { codeId: outcome, mobile };
  }

  /** Spends a checked code inside the acting transaction; refuses if another request spent it first. */
  async consume(manager: EntityManager, codeId: string): Promise<void> {
    const result = await manager.update(SmsCode, { id: codeId, usedAt: IsNull() }, { usedAt: this.clock.now() });
    if (!result.affected) throw codeInvalid();
  }

  private matches(row: SmsCode, code: string): boolean {
    const expected = Buffer.from(row.codeHash);
    const given = Buffer.from(this.codeHash(row.id, code.trim()));
    return expected.length === given.length && timingSafeEqual(expected, given);
  }

  private codeHash(id: string, code: string): string {
    return this.keyed(`code:${id}:${code}`);
  }

  private keyed(value: string): string {
    return lookupHash('sms-code', value);
  }
}
