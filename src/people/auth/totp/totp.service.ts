import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { JwtService } from '@nestjs/jwt';
import otplib from 'otplib';
import QRCode from 'qrcode';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../../../platform/auth/actor.js';
import { AuditService } from '../../../platform/audit/audit.service.js';
import { Clock } from '../../../platform/clock/clock.js';
import type { AppConfig } from '../../../platform/config/app-config.js';
import { Transactions } from '../../../platform/database/transactions.js';
import { DomainError, conflict, forbidden } from '../../../platform/errors/domain-error.js';
import { User } from '../../users/user.entity.js';
import type { TotpSetupDto } from './totp.dto.js';

const { authenticator } = otplib;
const STEP_SECONDS = 30;
/** Roles that must use two-factor when STAFF_2FA=required: they can change who sees what. */
const REQUIRED_FOR = new Set(['admin', 'supervisor']);

const setupTokenInvalid = () => new DomainError(401, 'TOTP_SETUP_TOKEN_INVALID', '设置链接已失效，请重新登录', 'The set-up session expired; sign in again');

/**
 * Staff two-factor sign-in with TOTP (authenticator apps). Set-up runs on a short-lived set-up token, which both a
 * signed-in staff member (voluntarily) and a sign-in that policy stopped (STAFF_2FA=required) receive.
 */
@Injectable()
export class TotpService {
  constructor(
    private readonly config: ConfigService<AppConfig, true>,
    private readonly jwt: JwtService,
    private readonly transactions: Transactions,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** Null when the password sign-in may go on; otherwise the refusal (a wrong code counts as a failed sign-in). */
  async gate(manager: EntityManager, user: User, code: string | undefined): Promise<DomainError | 'wrong_code' | null> {
    if (user.totpEnabledAt && user.totpSecret) {
      if (!code) return new DomainError(401, 'TOTP_REQUIRED', '请输入身份验证器中的 6 位动态码', 'Enter the 6-digit code from your authenticator app');
      const step = this.acceptedStep(user, code);
      if (step === null) return 'wrong_code';
      await manager.update(User, { id: user.id }, { totpLastStep: step });
      return null;
    }
    if (this.required(user)) {
      return new DomainError(401, 'TOTP_SETUP_REQUIRED', '管理员和督导须先设置双重验证', 'Administrators and supervisors must set up two-factor sign-in first', {
        setupToken: await this.setupToken(user.id),
      });
    }
    return null;
  }

  /** For a signed-in staff member who turns two-factor on. */
  async setupTokenFor(actor: Actor): Promise<{ setupToken: string }> {
    if (actor.role === 'worker') throw forbidden('TOTP_STAFF_ONLY', '职工使用短信验证码登录，无需设置', 'Workers sign in with SMS codes; two-factor is for staff');
    return { setupToken: await this.setupToken(actor.userId) };
  }

  setup(setupToken: string): Promise<TotpSetupDto> {
    return this.transactions.run(async (manager) => {
      const user = await this.userOf(manager, setupToken);
      if (user.totpEnabledAt) throw conflict('TOTP_ALREADY_ENABLED', '双重验证已开启', 'Two-factor sign-in is already on');
      const secret = authenticator.generateSecret();
      await manager.update(User, { id: user.id }, { totpSecret: secret });
      const otpauthUrl = authenticator.keyuri(user.username, '心港 Xingang', secret);
      return { secret, otpauthUrl, qrDataUrl: await QRCode.toDataURL(otpauthUrl, { margin: 1, width: 240 }) };
    });
  }

  enable(setupToken: string, code: string): Promise<{ enabled: true }> {
    return this.transactions.run(async (manager) => {
      const user = await this.userOf(manager, setupToken);
      if (user.totpEnabledAt) throw conflict('TOTP_ALREADY_ENABLED', '双重验证已开启', 'Two-factor sign-in is already on');
      if (!user.totpSecret) throw conflict('TOTP_NOT_SET_UP', '请先生成密钥并扫码', 'Generate the secret and scan it first');
      const step = this.acceptedStep(user, code);
      if (step === null) throw new DomainError(400, 'TOTP_INVALID', '动态码不正确，请核对手机时间后重试', 'The code does not match; check the phone’s clock and try again');
      await manager.update(User, { id: user.id }, { totpEnabledAt: this.clock.now(), totpLastStep: step });
      await this.audit.record(manager, this.self(user), { action: 'auth.totp_enable', resourceType: 'user', resourceId: user.id });
      return { enabled: true as const };
    });
  }

  disable(actor: Actor, code: string): Promise<{ enabled: false }> {
    return this.transactions.run(async (manager) => {
      const user = await manager.findOneOrFail(User, { where: { id: actor.userId } });
      if (!user.totpEnabledAt) return { enabled: false as const };
      if (this.required(user)) throw conflict('TOTP_REQUIRED_BY_POLICY', '按本单位规定，您的角色必须使用双重验证', 'Your role must use two-factor sign-in here');
      if (this.acceptedStep(user, code) === null) throw new DomainError(400, 'TOTP_INVALID', '动态码不正确', 'The code does not match');
      await manager.update(User, { id: user.id }, { totpEnabledAt: null, totpSecret: null, totpLastStep: null });
      await this.audit.record(manager, actor, { action: 'auth.totp_disable', resourceType: 'user', resourceId: user.id });
      return { enabled: false as const };
    });
  }

  /** The time step the code belongs to (±1 step of clock drift), or null: wrong, or already used. */
  private acceptedStep(user: User, code: string): number | null {
    if (!user.totpSecret || !/^\d{6}$/.test(code.trim())) return null;
    const now = Math.floor(this.clock.now().getTime() / 1000 / STEP_SECONDS);
    for (const step of [now, now - 1, now + 1]) {
      const expected = authenticator.clone({ epoch: step * STEP_SECONDS * 1000 }).generate(user.totpSecret);
      if (expected === code.trim()) return user.totpLastStep !== null && step <= user.totpLastStep ? null : step;
    }
    return null;
  }

  private required(user: User): boolean {
    return this.config.get('STAFF_2FA', { infer: true }) === 'required' && REQUIRED_FOR.has(user.role);
  }

  private setupToken(userId: string): Promise<string> {
    return this.jwt.signAsync({ sub: userId, typ: 'totp_setup' }, { expiresIn: 600, algorithm: 'HS256' });
  }

  private async userOf(manager: EntityManager, setupToken: string): Promise<User> {
    const claims = await this.jwt.verifyAsync<{ sub?: string; typ?: string }>(setupToken, { algorithms: ['HS256'] }).catch(() => null);
    if (!claims?.sub || claims.typ !== 'totp_setup') throw setupTokenInvalid();
    const user = await manager.findOne(User, { where: { id: claims.sub, active: true } });
    if (!user) throw setupTokenInvalid();
    return user;
  }

  private self(user: User): Actor {
    return { userId: user.id, role: user.role, orgUnitId: user.orgUnitId } as unknown as Actor;
  }
}
