import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AccessScope } from '../../../people/access/access-scope.service.js';
import { OrgUnitsService } from '../../../people/org-units/org-units.service.js';
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
  constructor(
    private readonly scope: AccessScope,
    private readonly orgUnits: OrgUnitsService,
  ) {}

  /**
   * A programme the actor may read: one they run (their subtree), or one of a unit above theirs, which covers their
   * workers (a city union's programme seen by an enterprise counsellor whose workers take part). Only the actor's own
   * workers are listed in it (members are scoped by worker); changing it stays with `require`.
   */
  async requireReadable(manager: EntityManager, actor: Actor, programmeId: string): Promise<CareProgramme> {
    const programme = await manager.findOne(CareProgramme, { where: { id: programmeId } });
    if (programme && (await this.unitsAbove(manager, actor)).includes(programme.orgUnitId)) return programme;
    return this.require(manager, actor, programmeId);
  }

  /** The units strictly above the actor's own: their programmes cover the actor's workers too. */
  async unitsAbove(manager: EntityManager, actor: Actor): Promise<string[]> {
    return (await this.orgUnits.ancestry(manager, actor.orgUnitId)).map((unit) => unit.id).filter((id) => id !== actor.orgUnitId);
  }

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
