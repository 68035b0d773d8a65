import type { MigrationInterface } from 'typeorm';
import { Foundation1795604006393 } from './1795604006393-Foundation.js';
import { Assessments1795605031552 } from './1795605031552-Assessments.js';
import { WorkerSearchIndexes1795605970997 } from './1795605970997-WorkerSearchIndexes.js';
import { PopulationServices1795606294111 } from './1795606294111-PopulationServices.js';
import { SubgroupTier1795608389910 } from './1795608389910-SubgroupTier.js';
import { EligibilityIndex1795609683666 } from './1795609683666-EligibilityIndex.js';
import { ServiceDesk1795610237711 } from './1795610237711-ServiceDesk.js';
import { IndividualTier1795610555145 } from './1795610555145-IndividualTier.js';
import { EapIntegration1795610826617 } from './1795610826617-EapIntegration.js';
import { InsightsAndRights1795616958616 } from './1795616958616-InsightsAndRights.js';
import { AssessmentLatest1795621615755 } from './1795621615755-AssessmentLatest.js';
import { JobLeases1796117262742 } from './1796117262742-JobLeases.js';
import { MobileAccess1796117732080 } from './1796117732080-MobileAccess.js';
import { ThrottleBuckets1796119743529 } from './1796119743529-ThrottleBuckets.js';
import { ConsentSequence1796120141649 } from './1796120141649-ConsentSequence.js';
import { InstrumentVersions1796120649876 } from './1796120649876-InstrumentVersions.js';
import { AssessmentCompletedAt1796120821960 } from './1796120821960-AssessmentCompletedAt.js';
import { RecordKeys1796121441625 } from './1796121441625-RecordKeys.js';
import { WorkerContactFields1796123614686 } from './1796123614686-WorkerContactFields.js';
import { CrisisCaseSourcesAndQueueOrder1796123614687 } from './1796123614687-CrisisCaseSourcesAndQueueOrder.js';
import { DeskTextRetention1796128559055 } from './1796128559055-DeskTextRetention.js';
import { OnlineCounselling1796128560606 } from './1796128560606-OnlineCounselling.js';
import { AuditSequencer1796128584716 } from './1796128584716-AuditSequencer.js';
import { AuditKeyIds1796139811622 } from './1796139811622-AuditKeyIds.js';
import { PreAggregatedReportCounts1796140365964 } from './1796140365964-PreAggregatedReportCounts.js';
// Generated list: scripts/migration-tool.ts appends here.

export const sqliteMigrations: Array<new () => MigrationInterface> = [Foundation1795604006393, Assessments1795605031552, WorkerSearchIndexes1795605970997, PopulationServices1795606294111, SubgroupTier1795608389910, EligibilityIndex1795609683666, ServiceDesk1795610237711, IndividualTier1795610555145, EapIntegration1795610826617, InsightsAndRights1795616958616, AssessmentLatest1795621615755, JobLeases1796117262742, MobileAccess1796117732080, ThrottleBuckets1796119743529, ConsentSequence1796120141649, InstrumentVersions1796120649876, AssessmentCompletedAt1796120821960, RecordKeys1796121441625, WorkerContactFields1796123614686, CrisisCaseSourcesAndQueueOrder1796123614687, DeskTextRetention1796128559055, OnlineCounselling1796128560606, AuditSequencer1796128584716, AuditKeyIds1796139811622, PreAggregatedReportCounts1796140365964];
