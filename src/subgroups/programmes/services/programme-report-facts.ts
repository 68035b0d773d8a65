import { Injectable } from '@nestjs/common';
import { dbTime } from '../../../platform/database/db-time.js';
import type { SqlFragment } from '../../../platform/database/sql-fragment.js';
import { TAKING_PART } from '../domain/programme-rules.js';

const TAKING_SQL = `(${TAKING_PART.map((s) => `'${s}'`).join(', ')})`;

/** Programme participation, as the dashboards count it: invited workers taking part or not. */
export const PROGRAMME_REPORT_CATEGORIES = ['taking_part', 'not_taking_part'] as const;

/** Figures the dashboards read from programme enrolments (this module owns the tables). */
@Injectable()
export class ProgrammeReportFacts {
  /** Each enrolment (invitation) made in the period, taking part (accepted, completed) or not. */
  facts(period: { from: Date; to: Date }): SqlFragment {
    return {
      sql: `SELECT pe.worker_id AS worker_id, pe.created_at AS at,
          CASE WHEN pe.status IN ${TAKING_SQL} THEN 'taking_part' ELSE 'not_taking_part' END AS category
        FROM programme_enrolments pe
        WHERE pe.created_at >= :pe_from AND pe.created_at < :pe_to`,
      params: { pe_from: dbTime(period.from), pe_to: dbTime(period.to) },
    };
  }

  /** Workers taking part in a programme of the subgroup (for the dashboards' subgroup filter and breakdown). */
  subgroupMembers(subgroupCode: string): SqlFragment {
    return {
      sql: `SELECT sm.worker_id FROM programme_enrolments sm JOIN care_programmes sp ON sp.id = sm.programme_id
        WHERE sp.subgroup_code = :sm_subgroup AND sm.status IN ${TAKING_SQL}`,
      params: { sm_subgroup: subgroupCode },
    };
  }

}
