import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AccessScope } from '../../../people/access/access-scope.service.js';
import type { Actor } from '../../../platform/auth/actor.js';
import { notFound, type DomainError } from '../../../platform/errors/domain-error.js';
import { CareProgramme } from '../entities/care-programme.entity.js';
import { Subgroup } from '../entities/subgroup.entity.js';
import { ProgrammeErrors } from '../programme-errors.js';

/** Roles that may ever see who is in a sensitive programme. */
const CLINICAL_ROLES = ['counsellor', 'supervisor'];

/**
 * Record-level access to programmes, in one place: a programme is in an actor's scope when its owning unit lies in
 * the actor's subtree (404 otherwise, so existence is not revealed). Staff in scope run it; officials in scope see
 * its aggregates; membership of a sensitive programme is for clinical staff only.
 */
@Injectable()
export class ProgrammeAccess {
  constructor(private readonly scope: AccessScope) {}

  async require(manager: EntityManager, actor: Actor, programmeId: string): Promise<CareProgramme> {
    const qb = manager.getRepository(CareProgramme).createQueryBuilder('p').where('p.id = :programmeId', { programmeId });
    const programme = await this.scope.whereUnitInScope(qb, actor, 'p.org_unit_id').getOne();
    if (!programme) throw notFound('Programme', '该项目');
    return programme;
  }

  /**
   * Whether membership may be shown: to clinical staff in scope always; for a sensitive programme to nobody else,
   * whatever permission another role may be granted later. Returns the 403 to throw (after auditing it), or null.
   */
  membershipRefusal(actor: Actor, programme: CareProgramme): DomainError | null {
    return programme.sensitive && !CLINICAL_ROLES.includes(actor.role) ? ProgrammeErrors.sensitive() : null;
  }

  async subgroups(manager: EntityManager): Promise<Map<string, Subgroup>> {
    return new Map((await manager.find(Subgroup, { order: { position: 'ASC' } })).map((s) => [s.code, s]));
  }

  async subgroup(manager: EntityManager, code: string): Promise<Subgroup> {
    const subgroup = await manager.findOne(Subgroup, { where: { code } });
    if (!subgroup) throw ProgrammeErrors.unknownSubgroup(code);
    return subgroup;
  }
}
