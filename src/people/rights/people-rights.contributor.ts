import { Injectable, type OnModuleInit } from '@nestjs/common';
import { AccountStates } from '../../platform/auth/account-states.js';
import { DataSubjectRegistry, runErasure, type ExportPart } from '../../platform/data-subject/data-subject.registry.js';
import { fhirInstant, fhirRef, XINGANG_SYSTEM, type FhirResource } from '../../platform/data-subject/fhir.js';
import type { EntityManager } from 'typeorm';
import { Consent } from '../consents/consent.entity.js';
import { Worker } from '../workers/worker.entity.js';

/** The placeholder an erased worker's name becomes (the row stays as a pseudonym: unit, gender, birth year). */
export const ERASED_NAME = '已删除职工';

const FHIR_GENDER: Record<string, string> = { female: 'female', male: 'male', other: 'other', undisclosed: 'unknown' };
const PURPOSE_LABEL: Record<string, string> = {
  assessment: '心理测评 Psychological assessment',
  counselling: '心理咨询 Counselling',
  eap_referral: 'EAP 转介 EAP referral',
  research: '研究 Research',
};

/**
 * People's part in the data-subject rights: the 职工档案 becomes a FHIR Patient, consents become FHIR Consent. On
 * deletion the profile is pseudonymised (name, employee number, contact details, job title, notes and life events
 * cleared; unit, gender, birth year and the subgroup facts kept, so the dashboards' counts do not move), the sign-in
 * account is disabled and renamed, its refresh tokens deleted, and the consent history deleted.
 */
@Injectable()
export class PeopleRightsContributor implements OnModuleInit {
  constructor(
    private readonly registry: DataSubjectRegistry,
    private readonly accounts: AccountStates,
  ) {}

  onModuleInit(): void {
    this.registry.register({
      module: 'people',
      rules: [
        { table: 'workers', action: 'pseudonymise', what: '姓名、工号、联系方式（含号码索引）、雇主或平台、职务、备注、生活事件清除；单位、性别、出生年份、职业群体保留 / name, number, contacts (and number index), employer, title, notes, life events cleared' },
        { table: 'users', action: 'pseudonymise', what: '账号停用并改名，邮箱清除 / account disabled and renamed, email cleared' },
        { table: 'refresh_tokens', action: 'delete', what: '登录令牌 / sign-in tokens' },
        { table: 'consents', action: 'delete', what: '同意记录 / consent history' },
      ],
      erase: (manager, { workerId, userIds }) => {
        // The disabled account's unexpired access tokens are refused from the next request on.
        this.accounts.changed(manager, userIds);
        return runErasure(
          manager,
          [
            'DELETE FROM refresh_tokens WHERE user_id IN (:...pp_users)',
            "UPDATE users SET username = 'erased-' || id, display_name = :pp_name, email = NULL, password_hash = '!', active = FALSE, worker_id = NULL WHERE id IN (:...pp_users)",
            'DELETE FROM consents WHERE worker_id = :pp_worker',
            `UPDATE workers SET name = :pp_name, employee_no = NULL, phone = NULL, phone_hash = NULL, employer = NULL, email = NULL, job_title = NULL, notes = NULL,
               life_events = '[]', erased = TRUE WHERE id = :pp_worker`,
          ],
          { pp_worker: workerId, pp_users: userIds.length > 0 ? userIds : ['00000000-0000-0000-0000-000000000000'], pp_name: ERASED_NAME },
        );
      },
      export: (manager, workerId) => this.export(manager, workerId),
    });
  }

  private async export(manager: EntityManager, workerId: string): Promise<ExportPart> {
    const worker = await manager.findOneOrFail(Worker, { where: { id: workerId } });
    const consents = await manager.find(Consent, { where: { workerId }, order: { seq: 'ASC' } });
    const patient: FhirResource = {
      resourceType: 'Patient',
      id: worker.id,
      identifier: worker.employeeNo ? [{ system: `${XINGANG_SYSTEM}/employee-no/${worker.orgUnitId}`, value: worker.employeeNo }] : undefined,
      name: [{ text: worker.name }],
      gender: FHIR_GENDER[worker.gender] ?? 'unknown',
      ...(worker.birthYear ? { birthDate: String(worker.birthYear) } : {}),
      telecom: [
        ...(worker.phone ? [{ system: 'phone', value: worker.phone }] : []),
        ...(worker.email ? [{ system: 'email', value: worker.email }] : []),
      ],
    };
    if (!patient.identifier) delete patient.identifier;
    if ((patient.telecom as unknown[]).length === 0) delete patient.telecom;
    const consentResources: FhirResource[] = consents.map((c) => ({
      resourceType: 'Consent',
      id: c.id,
      status: 'active',
      scope: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/consentscope', code: 'patient-privacy' }] },
      category: [{ coding: [{ system: 'http://loinc.org', code: '59284-0', display: 'Patient Consent' }] }],
      patient: fhirRef(worker.id),
      dateTime: fhirInstant(c.createdAt),
      provision: {
        type: c.granted ? 'permit' : 'deny',
        purpose: [{ system: `${XINGANG_SYSTEM}/consent-purpose`, code: c.purpose, display: PURPOSE_LABEL[c.purpose] ?? c.purpose }],
        ...(c.recipientId ? { actor: [{ role: { text: 'recipient' }, reference: { display: c.recipientId } }] } : {}),
      },
    }));
    return {
      resources: [patient, ...consentResources],
      sections: [
        {
          title: { zh: '职工档案', en: 'Profile' },
          rows: [
            { label: '姓名 Name', value: worker.name },
            { label: '工号 Employee number', value: worker.employeeNo ?? '—' },
            { label: '性别 Gender', value: worker.gender },
            { label: '出生年份 Birth year', value: worker.birthYear ? String(worker.birthYear) : '—' },
            { label: '电话 Phone', value: worker.phone ?? '—' },
            { label: '邮箱 Email', value: worker.email ?? '—' },
            { label: '职务 Job title', value: worker.jobTitle ?? '—' },
          ],
        },
        {
          title: { zh: '同意记录', en: 'Consents' },
          rows: consents.map((c) => ({ label: `${c.createdAt.toISOString().slice(0, 10)} ${PURPOSE_LABEL[c.purpose] ?? c.purpose}`, value: c.granted ? '同意 granted' : '撤回 withdrawn' })),
        },
      ],
    };
  }
}
