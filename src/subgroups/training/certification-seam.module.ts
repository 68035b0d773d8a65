import { Global, Module } from '@nestjs/common';
import { CertificationCheck } from '../../platform/auth/certification-check.js';
import { CertificationsService } from './services/certifications.service.js';
import { TrainingModule } from './training.module.js';

/**
 * Makes the platform's `CertificationCheck` injectable everywhere, answered by the training module's
 * CertificationsService. The individual tier (crisis cases) sits beside the subgroup tier, not above it, so it
 * injects the platform token instead of importing this tier.
 */
@Global()
@Module({
  imports: [TrainingModule],
  providers: [{ provide: CertificationCheck, useExisting: CertificationsService }],
  exports: [CertificationCheck],
})
export class CertificationSeamModule {}
