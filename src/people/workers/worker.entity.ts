import { BeforeInsert, BeforeUpdate, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { newRecordKey } from '../../platform/reporting/cell-key.js';
import { RecordKeyColumn } from '../../platform/reporting/record-key-column.js';
import { encrypted } from '../../platform/crypto/field-cipher.js';
import { mobileLookupHash, normaliseMobile } from '../../platform/sms/phone-numbers.js';
import { CreatedAtColumn, IdColumn, JsonColumn, UpdatedAtColumn } from '../../platform/database/columns.js';
import { DIALECT } from '../../platform/database/dialect.js';
import { OrgUnit } from '../org-units/org-unit.entity.js';
import type { CadreLevel, EmploymentStatus, Gender, LifeEvent, MembershipState, OccupationGroup, SpecialPost } from './worker-facts.js';

/** The blind index of a number that is not a mobile: never equal to a lookup hash. */
export const NOT_A_MOBILE = '';

/**
 * 职工档案: the one profile every tier shares. Name and employee number stay searchable; contact details and free
 * text are encrypted at rest (AES-256-GCM, key id in every value).
 */
@Entity('workers')
@Index('idx_workers_unit_name', ['orgUnitId', 'name'])
@Index('uq_workers_unit_employee_no', ['orgUnitId', 'employeeNo'], { unique: true })
// Covers the subgroup tier's set-based eligibility count and INSERT … SELECT (unit subtree, then profile facts): an
// index range per unit that never reads the rows (the id is in it for the join and the INSERT), ~30 ms over
// 100,000 workers on SQLite instead of ~250–450.
@Index('idx_workers_eligibility', ['orgUnitId', 'erased', 'gender', 'specialPost', 'employmentStatus', 'cadreLevel', 'birthYear', 'lifeEvents', 'id'])
export class Worker {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @IdColumn({ name: 'org_unit_id' })
  orgUnitId: string;

  @ManyToOne(() => OrgUnit, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'org_unit_id' })
  orgUnit?: OrgUnit;

  /** Code-point order on both dialects ('C' on PostgreSQL), so a name-prefix search is an index range scan. */
  @Index('idx_workers_name')
  @Column({ type: 'varchar', length: 100, collation: DIALECT === 'postgres' ? 'C' : undefined })
  name: string;

  @Column({ type: 'varchar', length: 20, default: 'undisclosed' })
  gender: Gender;

  @Column({ name: 'birth_year', type: 'integer', nullable: true })
  birthYear: number | null;

  @Index('idx_workers_employee_no')
  @Column({ name: 'employee_no', type: 'varchar', length: 50, nullable: true })
  employeeNo: string | null;

  @Column({ type: 'text', nullable: true, transformer: encrypted })
  phone: string | null;

  /** A second number (home, a colleague's desk), optional. */
  @Column({ name: 'phone2', type: 'text', nullable: true, transformer: encrypted })
  phone2: string | null;

  /** 紧急联系人: who to call when the worker cannot be reached in a crisis (name, relation, phone; each encrypted). */
  @Column({ name: 'emergency_name', type: 'text', nullable: true, transformer: encrypted })
  emergencyName: string | null;

  @Column({ name: 'emergency_relation', type: 'text', nullable: true, transformer: encrypted })
  emergencyRelation: string | null;

  @Column({ name: 'emergency_phone', type: 'text', nullable: true, transformer: encrypted })
  emergencyPhone: string | null;

  @Column({ type: 'text', nullable: true, transformer: encrypted })
  email: string | null;

  /**
   * Keyed hash of the mobile number (phone-numbers.ts): one profile per number, and sign-in by phone. `''` for a
   * number that is not a mobile (looked at, nothing to index); NULL with a number only on rows stored before the
   * index existed, which the start-up back-fill finds through this index (`phone_hash IS NULL`) without a table scan.
   */
  @Index('idx_workers_phone_hash')
  @Column({ name: 'phone_hash', type: 'varchar', length: 64, nullable: true })
  phoneHash: string | null;

  @Column({ name: 'occupation_group', type: 'varchar', length: 30, default: 'employee' })
  occupationGroup: OccupationGroup;

  /** The employer or platform a new-form worker names (free text, e.g. the delivery platform). */
  @Column({ type: 'varchar', length: 100, nullable: true })
  employer: string | null;

  @Column({ type: 'varchar', length: 20, default: 'member' })
  membership: MembershipState;

  @Column({ name: 'job_title', type: 'varchar', length: 100, nullable: true })
  jobTitle: string | null;

  @Column({ name: 'cadre_level', type: 'varchar', length: 20, default: 'none' })
  cadreLevel: CadreLevel;

  @Column({ name: 'special_post', type: 'varchar', length: 30, default: 'none' })
  specialPost: SpecialPost;

  @Column({ name: 'employment_status', type: 'varchar', length: 30, default: 'employed' })
  employmentStatus: EmploymentStatus;

  @JsonColumn({ name: 'life_events', default: () => "'[]'" })
  lifeEvents: LifeEvent[];

  @Column({ type: 'text', nullable: true, transformer: encrypted })
  notes: string | null;

  /** Set when the worker's data was erased on their request; the row stays as a pseudonym for aggregates. */
  @Column({ name: 'erased', type: 'boolean', default: false })
  erased: boolean;

  /**
   * Set on a duplicate profile merged into another (a tombstone, `erased` too, so no list, search or sign-in finds it):
   * a request for it answers 404 `WORKER_MERGED` naming the kept profile. Cleared when the merge is undone.
   */
  @Index('idx_workers_merged_into')
  @IdColumn({ name: 'merged_into_id', nullable: true })
  mergedIntoId: string | null;

  /** Fixed random key for the dashboards' cell-key perturbation (never read back, never changed). */
  @RecordKeyColumn()
  recordKey: number = newRecordKey();

  @CreatedAtColumn()
  createdAt: Date;

  @UpdatedAtColumn()
  updatedAt: Date;

  /** Keeps the blind index in step with the number on every save (create, edit, roster import, erasure). */
  @BeforeInsert()
  @BeforeUpdate()
  indexPhone(): void {
    if (this.phone === undefined) return;
    const mobile = this.phone ? normaliseMobile(this.phone) : null;
    this.phoneHash = mobile ? mobileLookupHash(mobile) : this.phone ? NOT_A_MOBILE : null;
  }
}
