import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DataSubjectRegistry, runErasure } from '../../../platform/data-subject/data-subject.registry.js';
import { queryNamed } from '../../../platform/database/named-query.js';

/**
 * Crisis cases' part in a deletion (心理危机的评估与援助). While a case is still open the reviewer cannot approve: the
 * records are kept (legal retention; the reviewer refuses with the reason). Once approved, the case stays as a
 * pseudonymous level, state and response times (the compliance dashboard counts it); its summary, notes, risk
 * assessments and safety plans go, and break-the-glass reasons that may describe the worker are replaced.
 * (The worker's own copy of their safety plan comes with the composed record, GET /me/record.)
 */
@Injectable()
export class CrisisRightsContributor implements OnModuleInit {
  constructor(private readonly registry: DataSubjectRegistry) {}

  onModuleInit(): void {
    this.registry.register({
      module: 'crisis',
      rules: [
        { table: 'crisis_cases', action: 'pseudonymise', what: '个案摘要清除，级别、状态与响应时间保留 / summary cleared; level, state, times kept' },
        { table: 'crisis_case_notes', action: 'delete', what: '个案记录 / case notes' },
        { table: 'crisis_risk_assessments', action: 'delete', what: '风险评估 / risk assessments' },
        { table: 'safety_plans', action: 'delete', what: '安全计划 / safety plans' },
        { table: 'break_glass_grants', action: 'pseudonymise', what: '紧急查阅理由替换 / emergency-access reasons replaced' },
      ],
      holds: async (manager, workerId) => {
        const [row] = await queryNamed<{ n: number | string }>(manager, 'SELECT COUNT(*) AS n FROM crisis_cases WHERE worker_id = :cr_worker AND active = TRUE', { cr_worker: workerId });
        return Number(row?.n ?? 0) > 0
          ? [{ code: 'ACTIVE_CRISIS_CASE', zh: '该职工仍有未结案的心理危机个案，记录须依法保留', en: 'The worker has an open crisis case; its records must be kept' }]
          : [];
      },
      erase: (manager, { workerId }) =>
        runErasure(
          manager,
          [
            'DELETE FROM crisis_case_notes WHERE case_id IN (SELECT id FROM crisis_cases WHERE worker_id = :cr_worker)',
            'DELETE FROM crisis_risk_assessments WHERE worker_id = :cr_worker',
            'DELETE FROM safety_plans WHERE worker_id = :cr_worker',
            'UPDATE crisis_cases SET summary = NULL WHERE worker_id = :cr_worker',
            "UPDATE break_glass_grants SET reason = '（已删除）', review_note = NULL WHERE worker_id = :cr_worker",
          ],
          { cr_worker: workerId },
        ),
    });
  }
}
