import { Controller, Get, Header, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiProduces, ApiTags } from '@nestjs/swagger';
import { CurrentActor, type Actor } from '../../platform/auth/actor.js';
import { Authorize } from '../../platform/auth/authorize.decorator.js';
import { Permission } from '../../platform/auth/permissions.js';
import { UtilisationQueryDto, type ContractUtilisationDto } from './utilisation.dto.js';
import { UtilisationService } from './utilisation.service.js';

@ApiTags('eap EAP 合同')
@Controller('eap')
export class UtilisationController {
  constructor(private readonly utilisation: UtilisationService) {}

  /** Utilisation of every contract you may read. */
  @Get('utilisation')
  @Authorize(Permission.EapUtilisationRead)
  list(@CurrentActor() actor: Actor, @Query() query: UtilisationQueryDto): Promise<ContractUtilisationDto[]> {
    return this.utilisation.list(actor, query);
  }

  /** The same as CSV (UTF-8 with BOM, one row per contract). */
  @Get('utilisation/csv')
  @Authorize(Permission.EapUtilisationRead)
  @ApiProduces('text/csv')
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @Header('Content-Disposition', 'attachment; filename="eap-utilisation.csv"')
  csv(@CurrentActor() actor: Actor, @Query() query: UtilisationQueryDto): Promise<string> {
    return this.utilisation.csv(actor, query);
  }

  @Get('contracts/:id/utilisation')
  @Authorize(Permission.EapUtilisationRead)
  forContract(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<ContractUtilisationDto> {
    return this.utilisation.forContract(actor, id);
  }
}
