import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentActor, type Actor } from '../../../platform/auth/actor.js';
import { Authorize } from '../../../platform/auth/authorize.decorator.js';
import { Permission } from '../../../platform/auth/permissions.js';
import { CertificationQueryDto, CertifiedStaffQueryDto, IssueCertificationDto, type CertificationDto, type CertifiedStaffDto } from '../dto/certification.dto.js';
import { CertificationsService } from '../services/certifications.service.js';

@ApiTags('training 干部培养')
@Controller('certifications')
export class CertificationsController {
  constructor(private readonly certifications: CertificationsService) {}

  /** Records a certification (e.g. an outside certificate); its expiry is flagged to the holder's supervisor. */
  @Post()
  @Authorize(Permission.CertificationManage)
  issue(@CurrentActor() actor: Actor, @Body() input: IssueCertificationDto): Promise<CertificationDto> {
    return this.certifications.issue(actor, input);
  }

  /** Certifications of staff in your scope, soonest expiry first. */
  @Get()
  @Authorize(Permission.CertificationRead)
  list(@CurrentActor() actor: Actor, @Query() query: CertificationQueryDto): Promise<CertificationDto[]> {
    return this.certifications.list(actor, query);
  }

  /** Counsellors and supervisors in scope certified in `type` now (e.g. who may take crisis cases). */
  @Get('certified-staff')
  @Authorize(Permission.CertificationRead)
  certifiedStaff(@CurrentActor() actor: Actor, @Query() query: CertifiedStaffQueryDto): Promise<CertifiedStaffDto[]> {
    return this.certifications.certifiedStaff(actor, query.type);
  }

  @Post(':id/revoke')
  @HttpCode(200)
  @Authorize(Permission.CertificationManage)
  revoke(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<CertificationDto> {
    return this.certifications.revoke(actor, id);
  }
}
