import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { In, type EntityManager } from 'typeorm';
import type { Actor } from '../../platform/auth/actor.js';
import { AuditService } from '../../platform/audit/audit.service.js';
import { Permission } from '../../platform/auth/permissions.js';
import type { AppConfig } from '../../platform/config/app-config.js';
import { disclosureOf } from '../../platform/reporting/cell-key.js';
import { readsExactFigures } from '../../platform/reporting/exact-figures.js';
import { fromDbTime, param } from '../../platform/database/db-time.js';
import { num } from '../../platform/database/sql-helpers.js';
import { Transactions } from '../../platform/database/transactions.js';
import type { EapContract } from '../contracts/contract.entity.js';
import { ContractsService } from '../contracts/contracts.service.js';
import { EapVendor } from '../vendors/vendor.entity.js';
import { toCsv } from './csv.js';
import type { ContractUtilisationDto, UtilisationQueryDto } from './utilisation.dto.js';
import { exactUtilisation, perturbedUtilisation } from './published-utilisation.js';
import type { ReferralFacts, SessionFacts } from './utilisation.js';

/** The CSV's columns: the figure and its bilingual header. */
export const UTILISATION_CSV_COLUMNS: Array<[keyof ContractUtilisationDto, string]> = [
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
/** What a withheld figure reads as in the file, as in the dashboards' exports: never blank (blank reads as zero). */
const WITHHELD = '<k';
const fromDb = (value: unknown): Date | null => (value === null || value === undefined ? null : fromDbTime(value as Date | string));
const FIGURES_HEADER = '数字口径 figures';

/**
 * Utilisation per contract (aggregates only: counts, rates, sessions against quota, time to first session, cost),
 * for the contracts the caller may read, as JSON or CSV. Exact for EAP staff, who read the referrals themselves;
 * perturbed and withheld under k (REPORTING_MIN_CELL) for everyone else, like every published figure.
 */
@Injectable()
export class UtilisationService {
  private readonly k: number;

  constructor(
    config: ConfigService<AppConfig, true>,
    private readonly transactions: Transactions,
    private readonly contracts: ContractsService,
    private readonly audit: AuditService,
  ) {
    this.k = config.get('REPORTING_MIN_CELL', { infer: true });
  }

  /** One contract's figures; the read is audited (as every read of published figures) before they are returned. */
  async forContract(actor: Actor, contractId: string): Promise<ContractUtilisationDto> {
    const row = await this.transactions.read(async (manager) => {
      const contract = await this.contracts.requireVisible(manager, actor, contractId);
      return (await this.summarise(manager, actor, [contract]))[0];
    });
    await this.audit.recordRead(actor, { action: 'eap_utilisation.read', resourceType: 'eap_contract', resourceId: contractId, detail: { exact: row.exact } });
    return row;
  }

  async list(actor: Actor, query: UtilisationQueryDto): Promise<ContractUtilisationDto[]> {
    const rows = await this.rows(actor, query);
    await this.audit.recordRead(actor, { action: 'eap_utilisation.read', resourceType: 'eap_utilisation', detail: auditDetail(query, rows) });
    return rows;
  }

  async csv(actor: Actor, query: UtilisationQueryDto): Promise<string> {
    const rows = await this.rows(actor, query);
    const withheld = (row: ContractUtilisationDto, key: keyof ContractUtilisationDto) => row.withheld.some((w) => w.field === key);
    const figures = (row: ContractUtilisationDto) =>
      row.exact ? '精确 exact' : `扰动：通常 ±2，最多 ±${row.disclosure?.maxError}；少于 ${row.disclosure?.minCellSize} 不显示 perturbed: usually ±2; at most ±${row.disclosure?.maxError}; under ${row.disclosure?.minCellSize} withheld`;
    const file = toCsv(
      [...UTILISATION_CSV_COLUMNS.map(([, title]) => title), FIGURES_HEADER],
      rows.map((row) => [...UTILISATION_CSV_COLUMNS.map(([key]) => (withheld(row, key) ? WITHHELD : (row[key] as string | number | null))), figures(row)]),
    );
    await this.audit.recordRead(actor, { action: 'eap_utilisation.export', resourceType: 'eap_utilisation', detail: { format: 'csv', ...auditDetail(query, rows) } });
    return file;
  }

  /** The rows, unaudited: the caller records the read or the export. */
  private rows(actor: Actor, query: UtilisationQueryDto): Promise<ContractUtilisationDto[]> {
    return this.transactions.read(async (manager) => {
      const contracts = await this.contracts.visible(manager, actor, (qb) => {
        if (query.vendorId) qb.andWhere('c.vendor_id = :vendorId', { vendorId: query.vendorId });
        if (query.orgUnitId) qb.andWhere('c.org_unit_id = :orgUnitId', { orgUnitId: query.orgUnitId });
      });
      return this.summarise(manager, actor, contracts);
    });
  }

  private async summarise(manager: EntityManager, actor: Actor, contracts: EapContract[]): Promise<ContractUtilisationDto[]> {
    if (contracts.length === 0) return [];
    const ids = contracts.map((c) => c.id);
    const exact = readsExactFigures(actor, Permission.EapReferralRead);
    const { referralsBy, sessionsBy } = await this.facts(manager, ids);
    const vendorIds = [...new Set(contracts.map((c) => c.vendorId))];
    const vendors = new Map((await manager.find(EapVendor, { where: { id: In(vendorIds) }, select: { id: true, name: true } })).map((v) => [v.id, v.name]));
    return contracts.map((c) => {
      const referrals = referralsBy.get(c.id) ?? [];
      const sessions = sessionsBy.get(c.id) ?? { recorded: 0, beyondQuota: 0 };
      return {
        contractId: c.id,
        reference: c.reference,
        vendorId: c.vendorId,
        vendorName: vendors.get(c.vendorId) ?? '',
        orgUnitId: c.orgUnitId,
        startsOn: c.startsOn,
        endsOn: c.endsOn,
        status: c.status,
        pricePerSessionCents: c.pricePerSessionCents,
        disclosure: exact ? null : disclosureOf(this.k),
        ...(exact ? exactUtilisation(c, referrals, sessions) : perturbedUtilisation(c, referrals, sessions, this.k)),
      };
    });
  }

  /** Each contract's referrals and session counts, with the referred workers' record keys (set-based, two queries). */
  private async facts(manager: EntityManager, ids: string[]): Promise<{ referralsBy: Map<string, ReferralFacts[]>; sessionsBy: Map<string, SessionFacts>}> {
    const marks = ids.map((_, i) => param(i + 1)).join(', ');
    const referrals = await manager.query<Array<Record<string, unknown>>>(
      `SELECT r.contract_id AS contract_id, r.status AS status, r.sent_at AS sent_at, r.accepted_at AS accepted_at,
         r.declined_at AS declined_at, r.first_session_at AS first_session_at, w.record_key AS record_key
       FROM eap_referrals r JOIN workers w ON w.id = r.worker_id
       WHERE r.contract_id IN (${marks})`,
      ids,
    );
    const sessions = await manager.query<Array<Record<string, unknown>>>(
      `SELECT e.contract_id AS contract_id, COUNT(*) AS recorded,
         SUM(CASE WHEN e.beyond_quota THEN 1 ELSE 0 END) AS beyond,
         SUM(CASE WHEN e.beyond_quota THEN 0 ELSE w.record_key END) AS billable_key,
         SUM(CASE WHEN e.beyond_quota THEN w.record_key ELSE 0 END) AS beyond_key
       FROM eap_referral_events e JOIN workers w ON w.id = e.worker_id
       WHERE e.type = 'session_attended' AND e.contract_id IN (${marks})
       GROUP BY e.contract_id`,
      ids,
    );
    const sessionsBy = new Map<string, SessionFacts>(
      sessions.map((s) => [String(s.contract_id), { recorded: num(s.recorded), beyondQuota: num(s.beyond), billableKey: num(s.billable_key), beyondQuotaKey: num(s.beyond_key) }]),
    );
    const referralsBy = new Map<string, ReferralFacts[]>();
    for (const r of referrals) {
      const facts: ReferralFacts = {
        status: String(r.status),
        sentAt: fromDb(r.sent_at)!,
        acceptedAt: fromDb(r.accepted_at),
        declinedAt: fromDb(r.declined_at),
        firstSessionAt: fromDb(r.first_session_at),
        key: num(r.record_key),
      };
      const contractId = String(r.contract_id);
      referralsBy.set(contractId, [...(referralsBy.get(contractId) ?? []), facts]);
    }
    return { referralsBy, sessionsBy };
  }
}

/** What the audit row says about a read: the query and what it gave (ids and counts only). */
function auditDetail(query: UtilisationQueryDto, rows: ContractUtilisationDto[]): Record<string, unknown> {
  return { vendorId: query.vendorId ?? null, orgUnitId: query.orgUnitId ?? null, contracts: rows.length, exact: rows[0]?.exact ?? null };
}
