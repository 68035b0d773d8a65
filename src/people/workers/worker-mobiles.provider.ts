import { Injectable, type OnModuleInit } from '@nestjs/common';
import { In, IsNull, Not, type EntityManager } from 'typeorm';
import { RecipientContacts } from '../../platform/notifications/channels/recipient-contacts.js';
import { User } from '../users/user.entity.js';
import { Worker } from './worker.entity.js';

/** Tells the kernel's notification channels the mobile number on a worker account's profile (for SMS notices). */
@Injectable()
export class WorkerMobilesProvider implements OnModuleInit {
  constructor(private readonly contacts: RecipientContacts) {}

  onModuleInit(): void {
    this.contacts.provide((manager, userIds) => this.mobiles(manager, userIds));
  }

  private async mobiles(manager: EntityManager, userIds: string[]): Promise<Map<string, string>> {
    const users = await manager.find(User, { where: { id: In(userIds), workerId: Not(IsNull()), active: true }, select: { id: true, workerId: true } });
    if (users.length === 0) return new Map();
    const workers = await manager.find(Worker, {
      where: { id: In(users.map((u) => u.workerId!)), erased: false, phone: Not(IsNull()) },
      select: { id: true, phone: true },
    });
    const phoneOf = new Map(workers.map((w) => [w.id, w.phone!]));
    return new Map(users.flatMap((u) => (phoneOf.has(u.workerId!) ? [[u.id, phoneOf.get(u.workerId!)!] as const] : [])));
  }
}
