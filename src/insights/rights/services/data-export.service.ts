import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AccessScope } from '../../../people/access/access-scope.service.js';
import { ownWorkerId } from '../../../people/me/own-worker.js';
import type { Actor } from '../../../platform/auth/actor.js';
import { AuditService } from '../../../platform/audit/audit.service.js';
import { Clock } from '../../../platform/clock/clock.js';
import { DataSubjectRegistry, type SummarySection } from '../../../platform/data-subject/data-subject.registry.js';
import { fhirInstant, type FhirBundle, type FhirResource } from '../../../platform/data-subject/fhir.js';
import { Transactions } from '../../../platform/database/transactions.js';
import { RecordService } from '../../record/record.service.js';
import { renderSummaryHtml } from './summary-html.js';

/**
 * A worker's copy of their data (查阅、复制、可携带: PIPL arts. 45): a FHIR R4 collection Bundle gathered from every
 * module's contributor (Patient, Consent, QuestionnaireResponse and Observation per result, ServiceRequest and Task
 * per referral), or a readable HTML summary of the same plus the composed record (心理档案). Audited as an export.
 */
@Injectable()
export class DataExportService {
  constructor(
    private readonly transactions: Transactions,
    private readonly scope: AccessScope,
    private readonly registry: DataSubjectRegistry,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly record: RecordService,
  ) {}

  async fhir(actor: Actor): Promise<FhirBundle> {
    const { resources } = await this.gather(actor);
    await this.recordExport(actor, 'fhir', resources.length);
    return {
      resourceType: 'Bundle',
      id: randomUUID(),
      type: 'collection',
      timestamp: fhirInstant(this.clock.now()),
      entry: resources.map((resource) => ({ fullUrl: `urn:uuid:${resource.id}`, resource })),
    };
  }

  async html(actor: Actor): Promise<string> {
    const { sections, resources } = await this.gather(actor);
    const record = await this.record.mine(actor);
    await this.recordExport(actor, 'html', resources.length);
    return renderSummaryHtml(sections, record as unknown as Record<string, unknown>, this.clock.now());
  }

  private gather(actor: Actor): Promise<{ resources: FhirResource[]; sections: SummarySection[] }> {
    return this.transactions.read(async (manager) => {
      const worker = await this.scope.requireWorker(manager, actor, ownWorkerId(actor));
      const resources: FhirResource[] = [];
      const sections: SummarySection[] = [];
      for (const contributor of this.registry.all()) {
        if (!contributor.export) continue;
        const part = await contributor.export(manager, worker.id);
        resources.push(...part.resources);
        sections.push(...part.sections);
      }
      return { resources, sections };
    });
  }

  private recordExport(actor: Actor, format: string, resources: number): Promise<void> {
    const workerId = ownWorkerId(actor);
    return this.audit.recordRead(actor, { action: 'rights.export', resourceType: 'worker', resourceId: workerId, workerId, detail: { format, resources } });
  }
}
