import { Global, Injectable, Module } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../../platform/auth/actor.js';
import type { SqlFragment } from '../../platform/database/sql-fragment.js';
import { ScreeningContract, type WorkerListScreening } from './assessment-contract.js';
import { AssessmentsModule } from './assessments.module.js';
import { CampaignsService } from './campaigns/campaigns.service.js';
import { InstrumentLibrary } from './instrument-library.service.js';
import { positiveScreenSql } from './positive-screen.js';

/** The assessments module's side of ScreeningContract: its campaigns, its results table, its instruments' cut-offs. */
@Injectable()
export class ScreeningContractService extends ScreeningContract {
  constructor(
    private readonly campaigns: CampaignsService,
    private readonly library: InstrumentLibrary,
  ) {
    super();
  }

  async scheduleForWorkers(manager: EntityManager, actor: Actor, input: WorkerListScreening): Promise<{ id: string }> {
    const campaign = await this.campaigns.createForWorkers(manager, actor, input);
    return { id: campaign.id };
  }

  answeredSql(workerColumn: string, campaignIds: string, positive: boolean): SqlFragment {
    const rule = positive ? positiveScreenSql('scr_r', this.library.cutoffs()) : { sql: '', params: {} };
    return {
      sql: `EXISTS (SELECT 1 FROM assessment_results scr_r WHERE scr_r.worker_id = ${workerColumn} AND scr_r.campaign_id IN (${campaignIds})${positive ? ` AND ${rule.sql}` : ''})`,
      params: rule.params,
    };
  }
}

/** Provides ScreeningContract to every module, so the tier above needs no import of AssessmentsModule. */
@Global()
@Module({ imports: [AssessmentsModule], providers: [{ provide: ScreeningContract, useClass: ScreeningContractService }], exports: [ScreeningContract] })
export class AssessmentContractModule {}
