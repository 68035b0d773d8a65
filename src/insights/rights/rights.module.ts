import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PeopleModule } from '../../people/people.module.js';
import { MeRightsController } from './controllers/me-rights.controller.js';
import { RightsRequestsController } from './controllers/rights-requests.controller.js';
import { RightsRequest } from './entities/rights-request.entity.js';
import { AccessReportService } from './services/access-report.service.js';
import { DataExportService } from './services/data-export.service.js';
import { ErasureService } from './services/erasure.service.js';
import { RightsRequestsService } from './services/rights-requests.service.js';
import { RecordModule } from '../record/record.module.js';

/**
 * Data-subject rights (个人信息权益, PIPL arts. 44–47): a copy of one's data (FHIR R4 and a readable summary),
 * correction, deletion reviewed by a counsellor, and the access report. Each module contributes its part through the
 * platform's DataSubjectRegistry, so this module reads and erases no other module's tables itself.
 */
@Module({
  imports: [PeopleModule, RecordModule, TypeOrmModule.forFeature([RightsRequest])],
  controllers: [MeRightsController, RightsRequestsController],
  providers: [RightsRequestsService, ErasureService, DataExportService, AccessReportService],
})
export class RightsModule {}
