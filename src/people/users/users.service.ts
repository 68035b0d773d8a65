import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { In, IsNull, type EntityManager } from 'typeorm';
import { AccountStates } from '../../platform/auth/account-states.js';
import type { Actor } from '../../platform/auth/actor.js';
import type { Role } from '../../platform/auth/permissions.js';
import { AuditService } from '../../platform/audit/audit.service.js';
import { Clock } from '../../platform/clock/clock.js';
import type { AppConfig } from '../../platform/config/app-config.js';
import { Transactions } from '../../platform/database/transactions.js';
import { NotificationService } from '../../platform/notifications/notification.service.js';
import { badRequest, conflict, notFound } from '../../platform/errors/domain-error.js';
import { AccessScope } from '../access/access-scope.service.js';
import { userNamesOf } from '../names.js';
import { RefreshToken } from '../auth/refresh-token.entity.js';
import { hashPassword } from './passwords.js';
import type { CreateUserDto, UpdateUserDto, UserDto } from './user.dto.js';
import { User } from './user.entity.js';

export const toUserDto = (user: User): UserDto => ({
  id: user.id,
  username: user.username,
  displayName: user.displayName,
  role: user.role,
  orgUnitId: user.orgUnitId,
  workerId: user.workerId,
  email: user.email,
  active: user.active,
});

@Injectable()
export class UsersService {
  constructor(
    private readonly transactions: Transactions,
    private readonly scope: AccessScope,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly config: ConfigService<AppConfig, true>,
    private readonly notifications: NotificationService,
    private readonly accounts: AccountStates,
  ) {}

  list(actor: Actor): Promise<UserDto[]> {
    return this.transactions.read(async (manager) => {
      const qb = manager.getRepository(User).createQueryBuilder('u').orderBy('u.username');
      this.scope.whereUnitInScope(qb, actor, 'u.org_unit_id');
      return (await qb.getMany()).map(toUserDto);
    });
  }

  create(actor: Actor, input: CreateUserDto): Promise<UserDto> {
    return this.transactions.run(async (manager) => {
      await this.scope.requireUnit(manager, actor, input.orgUnitId);
      let orgUnitId = input.orgUnitId;
      if (input.role === 'worker') {
        if (!input.workerId) throw badRequest('WORKER_ID_REQUIRED', '职工账号须关联职工档案（workerId）', 'A worker account needs workerId');
        const worker = await this.scope.requireWorker(manager, actor, input.workerId);
        orgUnitId = worker.orgUnitId;
      } else if (input.workerId) {
        throw badRequest('WORKER_ID_NOT_ALLOWED', '只有职工账号可以关联职工档案', 'Only worker accounts take workerId');
      }
      if (await manager.exists(User, { where: { username: input.username } })) {
        throw conflict('USERNAME_TAKEN', '用户名已被使用', 'Username already taken');
      }
      if (input.workerId && (await manager.exists(User, { where: { workerId: input.workerId } }))) {
        throw conflict('WORKER_HAS_ACCOUNT', '该职工已有账号', 'This worker already has an account');
      }
      const user = manager.create(User, {
        username: input.username,
        displayName: input.displayName ?? input.username,
        passwordHash: await hashPassword(input.password, this.config.get('PASSWORD_HASH_COST', { infer: true })),
        role: input.role,
        orgUnitId,
        workerId: input.workerId ?? null,
        email: input.email ?? null,
        active: true,
        failedLogins: 0,
      });
      await manager.save(user);
      await this.notifications.notify(manager, [{ userId: user.id, email: user.email }], {
        kind: 'account.created',
        title: '欢迎使用心港 / Welcome to Xingang',
        body: `您的账号 ${user.username} 已开通。/ Your account ${user.username} is ready.`,
      });
      await this.audit.record(manager, actor, {
        action: 'user.create',
        resourceType: 'user',
        resourceId: user.id,
        detail: { role: user.role },
      });
      return toUserDto(user);
    });
  }

  update(actor: Actor, id: string, input: UpdateUserDto): Promise<UserDto> {
    return this.transactions.run(async (manager) => {
      const qb = manager.getRepository(User).createQueryBuilder('u').where('u.id = :id', { id });
      const user = await this.scope.whereUnitInScope(qb, actor, 'u.org_unit_id').getOne();
      if (!user) throw notFound('User', '该用户');
      if (input.active === false && user.id === actor.userId) {
        throw conflict('CANNOT_DEACTIVATE_SELF', '不能停用自己的账号', 'You cannot deactivate your own account');
      }
      await this.moveOrRecast(manager, actor, user, input);
      if (input.displayName !== undefined) user.displayName = input.displayName;
      if (input.email !== undefined) user.email = input.email;
      if (input.active !== undefined) user.active = input.active;
      if (input.password !== undefined) {
        user.passwordHash = await hashPassword(input.password, this.config.get('PASSWORD_HASH_COST', { infer: true }));
        user.failedLogins = 0;
        user.lockedUntil = null;
      }
      await manager.save(user);
      if (input.password !== undefined) {
        await this.notifications.notify(manager, [{ userId: user.id, email: user.email }], {
          kind: 'account.password_changed',
          title: '您的密码已被重置 / Your password was reset',
          body: '如非本人知情，请立即联系管理员。/ If you did not expect this, contact your administrator now.',
        });
      }
      // Deactivation refuses the account's unexpired access tokens from the next request on (the access guard).
      this.accounts.changed(manager, [user.id]);
      // A new password, role or unit ends the sessions: the next sign-in carries the new permissions and scope.
      if (input.active === false || input.password !== undefined || input.role !== undefined || input.orgUnitId !== undefined) {
        await manager.update(RefreshToken, { userId: user.id, revokedAt: IsNull() }, { revokedAt: this.clock.now() });
      }
      await this.audit.record(manager, actor, {
        action: 'user.update',
        resourceType: 'user',
        resourceId: user.id,
        detail: { fields: Object.keys(input).filter((k) => k !== 'password').concat(input.password ? ['password'] : []), ...(input.role ? { role: input.role } : {}) },
      });
      return toUserDto(user);
    });
  }

  /** A staff account's role or unit change; worker accounts and one's own account are refused. */
  private async moveOrRecast(manager: EntityManager, actor: Actor, user: User, input: UpdateUserDto): Promise<void> {
    if (input.role === undefined && input.orgUnitId === undefined) return;
    if (user.role === 'worker') {
      throw badRequest('WORKER_ACCOUNT_FIXED', '职工账号的角色和单位随职工档案，不能单独修改', "A worker account's role and unit follow its worker profile");
    }
    if (user.id === actor.userId) {
      throw conflict('CANNOT_CHANGE_OWN_ROLE', '不能修改自己的角色或单位，请让另一位管理员操作', 'You cannot change your own role or unit; ask another administrator');
    }
    if (input.orgUnitId !== undefined) {
      await this.scope.requireUnit(manager, actor, input.orgUnitId);
      user.orgUnitId = input.orgUnitId;
    }
    if (input.role !== undefined) user.role = input.role;
  }

  /** Active staff of the given units with one of the roles: for assigning and notifying. */
  staffOf(manager: EntityManager, unitIds: string[], roles: Role[]): Promise<User[]> {
    if (unitIds.length === 0) return Promise.resolve([]);
    return manager.find(User, { where: { orgUnitId: In(unitIds), role: In(roles), active: true }, order: { username: 'ASC' } });
  }

  /** Display names of users by id, in one query (for lists that name their counsellors). */
  displayNames(manager: EntityManager, ids: Iterable<string>): Promise<Map<string, string>> {
    return userNamesOf(manager, [...ids]);
  }

  findById(manager: EntityManager, id: string): Promise<User | null> {
    return manager.findOne(User, { where: { id } });
  }

  findByWorker(manager: EntityManager, workerId: string): Promise<User | null> {
    return manager.findOne(User, { where: { workerId } });
  }
}
