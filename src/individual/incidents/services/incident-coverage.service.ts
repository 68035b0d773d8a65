import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { InstrumentLibrary } from '../../../population/assessments/instrument-library.service.js';
import { dbTime } from '../../../platform/database/db-time.js';
import { referredSinceSql } from '../../referrals/referral-coverage.js';
import { coverageRates, positiveScreenSql, type CoverageCounts } from '../domain/incident-rules.js';
import type { IncidentCoverageDto } from '../dto/incident.dto.js';
import type { CriticalIncident } from '../entities/incident.entity.js';

const num = (value: unknown): number => (value === null || value === undefined ? 0 : Number(value));

/**
 * Coverage of an incident's affected group, in one set-based statement over incident_workers: reached (attended an
 * aftercare session), screened (answered the incident's re-screening), positive (a positive re-screen, see
 * incident-rules.ts), referred (a referral sent since the incident) and positive but not referred. Reads the
 * assessments module's `assessment_results` read-only by name, joined through this module's incident_screenings, as
 * the assessments module reads the people tables for its audiences.
 */
@Injectable()
export class IncidentCoverageService {
  constructor(private readonly library: InstrumentLibrary) {}

  async of(manager: EntityManager, incident: CriticalIncident): Promise<IncidentCoverageDto> {
    const attended = `EXISTS (SELECT 1 FROM incident_attendance ia WHERE ia.incident_id = iw.incident_id AND ia.worker_id = iw.worker_id AND ia.attended = TRUE)`;
    const screenedBy = (extra: string) =>
      `EXISTS (SELECT 1 FROM assessment_results ar JOIN incident_screenings isc ON isc.campaign_id = ar.campaign_id
        WHERE isc.incident_id = iw.incident_id AND ar.worker_id = iw.worker_id${extra})`;
    const positiveScreen = positiveScreenSql('ar', this.library.cutoffs());
    const positive = screenedBy(` AND ${positiveScreen.sql}`);
    const referred = referredSinceSql('iw.worker_id');
    const row = await manager
      .createQueryBuilder()
      .from('incident_workers', 'iw')
      .select('COUNT(*)', 'affected')
      .addSelect(`SUM(CASE WHEN ${attended} THEN 1 ELSE 0 END)`, 'reached')
      .addSelect(`SUM(CASE WHEN ${screenedBy('')} THEN 1 ELSE 0 END)`, 'screened')
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
