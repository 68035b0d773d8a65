import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DataSubjectRegistry, runErasure, type ExportPart } from '../../platform/data-subject/data-subject.registry.js';
import { fhirInstant, fhirRef, XINGANG_SYSTEM, type FhirResource } from '../../platform/data-subject/fhir.js';
import { AssessmentResult } from './entities/assessment-result.entity.js';
import { InstrumentLibrary } from './instrument-library.service.js';

/**
 * Assessments' part in the data-subject rights. Each result is a FHIR QuestionnaireResponse (the item answers) and an
 * Observation (the score and band, derived from it). On deletion the item answers are cleared and the result stays
 * as a pseudonymous score and band (the dashboards count it); reminder rows (which name the account) go.
 */
@Injectable()
export class AssessmentRightsContributor implements OnModuleInit {
  constructor(
    private readonly registry: DataSubjectRegistry,
    private readonly library: InstrumentLibrary,
  ) {}

  onModuleInit(): void {
    this.registry.register({
      module: 'assessments',
      rules: [
        { table: 'assessment_results', action: 'pseudonymise', what: '逐题作答清除，总分与分级保留用于统计 / item answers cleared, score and band kept for aggregates' },
        { table: 'assessment_latest', action: 'pseudonymise', what: '仅余编号、时间与分级（统计汇总）/ ids, time and band only (the dashboards\' summary)' },
        { table: 'campaign_members', action: 'pseudonymise', what: '仅余编号 / ids only' },
        { table: 'campaign_reminders', action: 'delete', what: '提醒记录 / reminder rows' },
      ],
      erase: async (manager, { workerId }) => {
        // The answers column is encrypted: written through the entity so the cipher wraps the empty list.
        await manager.update(AssessmentResult, { workerId }, { answers: [] });
        await runErasure(manager, ['DELETE FROM campaign_reminders WHERE worker_id = :as_worker'], { as_worker: workerId });
      },
      export: (manager, workerId) => this.export(manager, workerId),
    });
  }

  private async export(manager: EntityManager, workerId: string): Promise<ExportPart> {
    const results = await manager.find(AssessmentResult, { where: { workerId }, order: { createdAt: 'ASC', id: 'ASC' } });
    const resources: FhirResource[] = [];
    for (const r of results) {
      const def = this.library.find(r.instrumentCode);
      const questionnaire = `${XINGANG_SYSTEM}/Questionnaire/${encodeURIComponent(r.instrumentCode)}|${r.instrumentVersion}`;
      const responseId = r.id;
      const observationId = uuidFrom(r.id);
      resources.push({
        resourceType: 'QuestionnaireResponse',
        id: responseId,
        questionnaire,
        status: 'completed',
        subject: fhirRef(r.workerId),
        authored: fhirInstant(r.createdAt),
        item: r.answers.map((value, i) => ({
          linkId: String(i + 1),
          ...(def?.items[i] ? { text: def.items[i].text.zh } : {}),
          answer: [{ valueInteger: value }],
        })),
      });
      const score = r.percentScore ?? r.totalScore;
      const band = def?.bands.find((b) => b.code === r.band);
      resources.push({
        resourceType: 'Observation',
        id: observationId,
        status: 'final',
        category: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: 'survey' }] }],
        code: { coding: [{ system: `${XINGANG_SYSTEM}/instrument`, code: r.instrumentCode }], text: def ? `${def.name.zh} ${def.name.en}` : r.instrumentCode },
        subject: fhirRef(r.workerId),
        effectiveDateTime: fhirInstant(r.createdAt),
        ...(score !== null ? { valueInteger: score } : {}),
        ...(r.band ? { interpretation: [{ coding: [{ system: `${XINGANG_SYSTEM}/band/${r.instrumentCode}`, code: r.band }], text: band ? band.plain.zh : r.band }] } : {}),
        derivedFrom: [fhirRef(responseId)],
      });
    }
    return {
      resources,
      sections: [
        {
          title: { zh: '心理测评', en: 'Assessments' },
          rows: results.map((r) => {
            const band = this.library.find(r.instrumentCode)?.bands.find((b) => b.code === r.band);
            return { label: `${r.createdAt.toISOString().slice(0, 10)} ${r.instrumentCode}`, value: `${r.percentScore ?? r.totalScore ?? '—'} ${band ? `${band.plain.zh} / ${band.plain.en}` : ''}`.trim() };
          }),
        },
      ],
    };
  }
}

/** A second, stable id for the Observation derived from a result (the result's id with its last hex digit turned). */
function uuidFrom(id: string): string {
  const last = parseInt(id.slice(-1), 16);
  return `${id.slice(0, -1)}${((last + 1) % 16).toString(16)}`;
}
