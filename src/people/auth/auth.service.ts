import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { JwtService } from '@nestjs/jwt';
import { IsNull, type EntityManager } from 'typeorm';
import type { Actor } from '../../platform/auth/actor.js';
import type { AccessClaims } from '../../platform/auth/access-tokens.js';
import { ROLE_PERMISSIONS } from '../../platform/auth/permissions.js';
import { AuditService } from '../../platform/audit/audit.service.js';
import { Clock, MINUTE } from '../../platform/clock/clock.js';
import type { AppConfig } from '../../platform/config/app-config.js';
import { Transactions } from '../../platform/database/transactions.js';
import { DomainError } from '../../platform/errors/domain-error.js';
import { hashPassword, verifyPassword } from '../users/passwords.js';
import { User } from '../users/user.entity.js';
import type { MeDto, TokensDto } from './auth.dto.js';
import { formatRefreshToken, parseRefreshToken } from '../../platform/auth/refresh-token-format.js';
import { RefreshToken } from './refresh-token.entity.js';
import { TotpService } from './totp/totp.service.js';

const invalidCredentials = () =>
  new DomainError(401, 'INVALID_CREDENTIALS', '用户名或密码错误', 'Wrong username or password');
const invalidRefresh = () =>
  new DomainError(401, 'INVALID_REFRESH_TOKEN', '登录已失效，请重新登录', 'Session expired or revoked; sign in again');

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

@Injectable()
export class AuthService {
  /** Verified against for unknown usernames, so they take as long as wrong passwords. */
  private dummyHash: Promise<string> | undefined;

  constructor(
    private readonly config: ConfigService<AppConfig, true>,
    private readonly jwt: JwtService,
    private readonly transactions: Transactions,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly totp: TotpService,
  ) {}

  async login(username: string, password: string, ip: string | null, totpCode?: string): Promise<TokensDto> {
    const user = await this.transactions.read((m) => m.findOne(User, { where: { username } }));
    const now = this.clock.now();
    this.dummyHash ??= hashPassword(randomUUID(), this.config.get('PASSWORD_HASH_COST', { infer: true }));
    const passwordOk = await verifyPassword(user?.passwordHash ?? (await this.dummyHash), password);
    // Failures are committed before the refusal is thrown: a rolled-back failure count would never lock anyone.
    const outcome = await this.transactions.run(async (manager): Promise<TokensDto | DomainError> => {
      const subject = { userId: user?.id ?? null, role: user?.role ?? 'anonymous', ip };
      if (!user || !user.active) {
        await this.auditLogin(manager, subject, 'failure', 'unknown_or_inactive');
        return invalidCredentials();
      }
      if (user.lockedUntil && user.lockedUntil > now) {
        await this.auditLogin(manager, subject, 'denied', 'locked');
        return new DomainError(401, 'ACCOUNT_LOCKED', '多次登录失败，账号已暂时锁定，请稍后再试', 'Too many failed sign-ins; account locked for a while');
      }
      // A wrong second factor counts like a wrong password: the lock-out stops guessing either.
      const secondFactor = passwordOk ? await this.totp.gate(manager, user, totpCode) : null;
      if (secondFactor instanceof DomainError) {
        await this.auditLogin(manager, subject, 'denied', secondFactor.code.toLowerCase());
        return secondFactor;
      }
      if (!passwordOk || secondFactor === 'wrong_code') {
        const failures = user.failedLogins + 1;
        const lock = failures >= this.config.get('LOGIN_MAX_FAILURES', { infer: true });
        await manager.update(User, { id: user.id }, {
          failedLogins: lock ? 0 : failures,
          lockedUntil: lock ? new Date(now.getTime() + this.config.get('LOGIN_LOCK_MINUTES', { infer: true }) * MINUTE) : null,
        });
        const reason = secondFactor === 'wrong_code' ? 'wrong_totp' : 'wrong_password';
        await this.auditLogin(manager, subject, 'failure', lock ? `${reason}_locked` : reason);
        return secondFactor === 'wrong_code'
          ? new DomainError(401, 'TOTP_INVALID', '动态码不正确或已使用，请等下一个动态码', 'The code is wrong or was already used; wait for the next one')
          : invalidCredentials();
      }
      if (user.failedLogins > 0 || user.lockedUntil) {
        await manager.update(User, { id: user.id }, { failedLogins: 0, lockedUntil: null });
      }
      await this.auditLogin(manager, subject, 'success', null);
      return this.issue(manager, user, randomUUID());
    });
    if (outcome instanceof DomainError) throw outcome;
    return outcome;
  }

  /** Rotates the refresh token. Presenting a token that was already rotated revokes its whole family. */
  refresh(presented: string): Promise<TokensDto> {
    const parsed = parseRefreshToken(presented);
    if (!parsed) return Promise.reject(invalidRefresh());
    const outcome = this.transactions.run(async (manager): Promise<TokensDto | null> => {
      const token = await manager.findOne(RefreshToken, { where: { id: parsed.id } });
      if (!token || token.secretHash !== sha256(parsed.secret)) return null;
      if (parsed.familyId !== null && parsed.familyId !== token.familyId) return null;
      const now = this.clock.now();
      if (token.revokedAt) {
        // Reuse of a rotated token: someone holds a stolen copy. Revoke the family (committed, then refused).
        await manager.update(RefreshToken, { familyId: token.familyId, revokedAt: IsNull() }, { revokedAt: now });
        return null;
      }
      if (token.expiresAt <= now) return null;
      const user = await manager.findOne(User, { where: { id: token.userId } });
      if (!user || !user.active) return null;
      await manager.update(RefreshToken, { id: token.id }, { revokedAt: now });
      return this.issue(manager, user, token.familyId);
    });
    return outcome.then((tokens) => tokens ?? Promise.reject(invalidRefresh()));
  }

  /** Revokes the presented refresh token's family (this device's session). Unknown tokens are ignored. */
  logout(presented: string): Promise<void> {
    const parsed = parseRefreshToken(presented);
    return this.transactions.run(async (manager) => {
      if (!parsed) return;
      const token = await manager.findOne(RefreshToken, { where: { id: parsed.id } });
      if (!token || token.secretHash !== sha256(parsed.secret)) return;
      await manager.update(RefreshToken, { familyId: token.familyId, revokedAt: IsNull() }, { revokedAt: this.clock.now() });
    });
  }

  async me(actor: Actor): Promise<MeDto> {
    const user = await this.transactions.read((m) => m.findOne(User, { where: { id: actor.userId } }));
    if (!user) throw new DomainError(401, 'UNAUTHENTICATED', '请先登录', 'Authentication required');
    return {
      userId: user.id,
      username: user.username,
      displayName: user.displayName,
      role: user.role,
      orgUnitId: user.orgUnitId,
      workerId: user.workerId,
      permissions: [...ROLE_PERMISSIONS[user.role]].sort(),
    };
  }

  /** New access and refresh tokens for a user who has proven who they are (password, SMS code). */
  async issue(manager: EntityManager, user: User, familyId: string): Promise<TokensDto> {
    const expiresIn = this.config.get('ACCESS_TOKEN_TTL_SECONDS', { infer: true });
    const claims: AccessClaims = {
      sub: user.id,
      usr: user.username,
      role: user.role,
      unit: user.orgUnitId,
      wkr: user.workerId,
      typ: 'access',
    };
    const accessToken = await this.jwt.signAsync(claims, { expiresIn, algorithm: 'HS256' });
    const secret = randomBytes(32).toString('base64url');
    const token = manager.create(RefreshToken, {
      userId: user.id,
      familyId,
      secretHash: sha256(secret),
      expiresAt: new Date(this.clock.now().getTime() + this.config.get('REFRESH_TOKEN_TTL_SECONDS', { infer: true }) * 1000),
      revokedAt: null,
      createdAt: this.clock.now(),
    });
    await manager.save(token);
    return { accessToken, refreshToken: formatRefreshToken(familyId, token.id, secret), expiresIn };
  }

  private auditLogin(
    manager: EntityManager,
    subject: { userId: string | null; role: string; ip: string | null },
    outcome: 'success' | 'failure' | 'denied',
    reason: string | null,
  ): Promise<void> {
    const actor = { userId: subject.userId, role: subject.role, ip: subject.ip } as unknown as Actor;
    return this.audit.record(manager, actor, { action: 'auth.login', resourceType: 'user', resourceId: subject.userId, outcome, detail: reason ? { reason } : null });
  }
}
