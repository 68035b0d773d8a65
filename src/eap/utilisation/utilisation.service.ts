import { Injectable } from '@nestjs/common';
import { In, type EntityManager } from 'typeorm';
import type { Actor } from '../../platform/auth/actor.js';
import { Transactions } from '../../platform/database/transactions.js';
import type { EapContract } from '../contracts/contract.entity.js';
import { ContractsService } from '../contracts/contracts.service.js';
import { EapReferral } from '../referrals-out/eap-referral.entity.js';
import { EapReferralEvent } from '../referrals-out/referral-event.entity.js';
import { EapVendor } from '../vendors/vendor.entity.js';
import { toCsv } from './csv.js';
import type { ContractUtilisationDto, UtilisationQueryDto } from './utilisation.dto.js';
import { summariseUtilisation, type ReferralFacts, type SessionFacts } from './utilisation.js';

const CSV_COLUMNS: Array<[keyof ContractUtilisationDto, string]> = [
  ['reference', '合同编号 contract'],
  ['vendorName', '服务机构 vendor'],
  ['orgUnitId', '单位 unit'],
  ['startsOn', '开始 starts'],
  ['endsOn', '结束 ends'],
  ['status', '状态 status'],
  ['referralsSent', '转介数 referrals'],
  ['accepted', '接受 accepted'],
  ['declined', '拒绝 declined'],
  ['acceptanceRate', '接受率 acceptance rate'],
  ['open', '进行中 open'],
  ['completed', '完成 completed'],
  ['droppedOut', '中断 dropped out'],
  ['withdrawn', '撤回 withdrawn'],
  ['completionRate', '完成率 completion rate'],
  ['sessionsUsed', '已用次数 sessions used'],
  ['sessionsQuota', '总次数 quota'],
  ['sessionsRemaining', '剩余次数 remaining'],
  ['sessionsBeyondQuota', '超额次数 beyond quota'],
  ['quotaUsedRate', '额度使用率 quota used'],
  ['daysToFirstSessionMedian', '首次咨询天数中位数 median days to first session'],
  ['daysToFirstSessionMean', '首次咨询平均天数 mean days to first session'],
  ['pricePerSessionCents', '单价（分） price per session (fen)'],
  ['costCents', '费用（分） cost (fen)'],
];

/**
 * Utilisation per contract (aggregates only: counts, rates, sessions against quota, time to first session, cost),
 * for the contracts the caller may read, as JSON or CSV.
 */
@Injectable()
export class UtilisationService {
  constructor(
    private readonly transactions: Transactions,
    private readonly contracts: ContractsService,
  ) {}

  forContract(actor: Actor, contractId: string): Promise<ContractUtilisationDto> {
    return this.transactions.read(async (manager) => {
      const contract = await this.contracts.requireVisible(manager, actor, contractId);
      return (await this.summarise(manager, [contract]))[0];
    });
  }

  list(actor: Actor, query: UtilisationQueryDto): Promise<ContractUtilisationDto[]> {
    return this.transactions.read(async (manager) => {
      const contracts = await this.contracts.visible(manager, actor, (qb) => {
        if (query.vendorId) qb.andWhere('c.vendor_id = :vendorId', { vendorId: query.vendorId });
        if (query.orgUnitId) qb.andWhere('c.org_unit_id = :orgUnitId', { orgUnitId: query.orgUnitId });
      });
      return this.summarise(manager, contracts);
    });
  }

  async csv(actor: Actor, query: UtilisationQueryDto): Promise<string> {
    const rows = await this.list(actor, query);
    return toCsv(
      CSV_COLUMNS.map(([, title]) => title),
      rows.map((row) => CSV_COLUMNS.map(([key]) => row[key])),
    );
  }

  private async summarise(manager: EntityManager, contracts: EapContract[]): Promise<ContractUtilisationDto[]> {
    if (contracts.length === 0) return [];
    const ids = contracts.map((c) => c.id);
    const referrals = await manager
      .getRepository(EapReferral)
      .createQueryBuilder('r')
      .select(['r.contractId', 'r.status', 'r.sentAt', 'r.acceptedAt', 'r.declinedAt', 'r.firstSessionAt'])
      .where('r.contract_id IN (:...ids)', { ids })
      .getMany();
    const sessions = await manager
      .getRepository(EapReferralEvent)
      .createQueryBuilder('e')
      .select('e.contract_id', 'contractId')
      .addSelect('COUNT(*)', 'recorded')
      .addSelect('SUM(CASE WHEN e.beyond_quota THEN 1 ELSE 0 END)', 'beyond')
      .where("e.type = 'session_attended' AND e.contract_id IN (:...ids)", { ids })
      .groupBy('e.contract_id')
      .getRawMany<{ contractId: string; recorded: string | number; beyond: string | number | null }>();
    const sessionsBy = new Map<string, SessionFacts>(sessions.map((s) => [s.contractId, { recorded: Number(s.recorded), beyondQuota: Number(s.beyond ?? 0) }]));
    const referralsBy = new Map<string, ReferralFacts[]>();
    for (const r of referrals) {
      const facts = { status: r.status, sentAt: r.sentAt!, acceptedAt: r.acceptedAt, declinedAt: r.declinedAt, firstSessionAt: r.firstSessionAt };
      referralsBy.set(r.contractId!, [...(referralsBy.get(r.contractId!) ?? []), facts]);
    }
    const vendorIds = [...new Set(contracts.map((c) => c.vendorId))];
    const vendors = new Map((await manager.find(EapVendor, { where: { id: In(vendorIds) }, select: { id: true, name: true } })).map((v) => [v.id, v.name]));
    return contracts.map((c) => ({
      contractId: c.id,
      reference: c.reference,
      vendorId: c.vendorId,
      vendorName: vendors.get(c.vendorId) ?? '',
      orgUnitId: c.orgUnitId,
      startsOn: c.startsOn,
      endsOn: c.endsOn,
      status: c.status,
      pricePerSessionCents: c.pricePerSessionCents,
      ...summariseUtilisation(c, referralsBy.get(c.id) ?? [], sessionsBy.get(c.id) ?? { recorded: 0, beyondQuota: 0 }),
    }));
  }
}
