import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ScreeningContract } from '../../../population/assessments/assessment-contract.js';
import { dbTime } from '../../../platform/database/db-time.js';
import { referredSinceSql } from '../../referrals/referral-coverage.js';
import { coverageRates, type CoverageCounts } from '../domain/incident-rules.js';
import type { IncidentCoverageDto } from '../dto/incident.dto.js';
import type { CriticalIncident } from '../entities/incident.entity.js';

const num = (value: unknown): number => (value === null || value === undefined ? 0 : Number(value));

/**
 * Coverage of an incident's affected group, in one set-based statement over incident_workers: reached (attended an
 * aftercare session), screened (answered the incident's re-screening), positive (a positive re-screen), referred (a
 * referral sent since the incident) and positive but not referred. Answers and the positive-screen rule are the
 * assessments module's: their SQL comes through ScreeningContract, over this module's incident_screenings.
 */
@Injectable()
export class IncidentCoverageService {
  constructor(private readonly screening: ScreeningContract) {}

  async of(manager: EntityManager, incident: CriticalIncident): Promise<IncidentCoverageDto> {
    const attended = `EXISTS (SELECT 1 FROM incident_attendance ia WHERE ia.incident_id = iw.incident_id AND ia.worker_id = iw.worker_id AND ia.attended = TRUE)`;
    const campaigns = 'SELECT isc.campaign_id FROM incident_screenings isc WHERE isc.incident_id = iw.incident_id';
    const screened = this.screening.answeredSql('iw.worker_id', campaigns, false);
    const positiveScreen = this.screening.answeredSql('iw.worker_id', campaigns, true);
    const positive = positiveScreen.sql;
    const referred = referredSinceSql('iw.worker_id');
    const row = await manager
      .createQueryBuilder()
      .from('incident_workers', 'iw')
      .select('COUNT(*)', 'affected')
      .addSelect(`SUM(CASE WHEN ${attended} THEN 1 ELSE 0 END)`, 'reached')
      .addSelect(`SUM(CASE WHEN ${screened.sql} THEN 1 ELSE 0 END)`, 'screened')
      .addSelect(`SUM(CASE WHEN ${positive} THEN 1 ELSE 0 END)`, 'positive')
      .addSelect(`SUM(CASE WHEN ${referred} THEN 1 ELSE 0 END)`, 'referred')
      .addSelect(`SUM(CASE WHEN ${positive} AND NOT ${referred} THEN 1 ELSE 0 END)`, 'positiveNotReferred')
      .where('iw.incident_id = :incidentId', { incidentId: incident.id })
      .setParameter('referredSince', dbTime(incident.occurredAt))
      .setParameters(positiveScreen.params)
      .getRawOne<Record<keyof CoverageCounts, unknown>>();
    const counts: CoverageCounts = {
      affected: num(row?.affected),
      reached: num(row?.reached),
      screened: num(row?.screened),
      positive: num(row?.positive),
      referred: num(row?.referred),
      positiveNotReferred: num(row?.positiveNotReferred),
    };
    return { ...counts, ...coverageRates(counts) };
  }
}
