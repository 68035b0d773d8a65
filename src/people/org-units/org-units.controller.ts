import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentActor, type Actor } from '../../platform/auth/actor.js';
import { Authorize } from '../../platform/auth/authorize.decorator.js';
import { Permission } from '../../platform/auth/permissions.js';
import { CreateOrgUnitDto, UpdateOrgUnitDto, type OrgUnitDto } from './org-unit.dto.js';
import { OrgUnitsService } from './org-units.service.js';

@ApiTags('org-units 组织单位')
@Controller('org-units')
export class OrgUnitsController {
  constructor(private readonly units: OrgUnitsService) {}

  @Get()
  @Authorize(Permission.OrgUnitRead)
  list(@CurrentActor() actor: Actor): Promise<OrgUnitDto[]> {
    return this.units.list(actor);
  }

  @Post()
  @Authorize(Permission.OrgUnitManage)
  create(@CurrentActor() actor: Actor, @Body() input: CreateOrgUnitDto): Promise<OrgUnitDto> {
    return this.units.create(actor, input);
  }

  @Patch(':id')
  @Authorize(Permission.OrgUnitManage)
  update(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() input: UpdateOrgUnitDto,
  ): Promise<OrgUnitDto> {
    return this.units.update(actor, id, input);
  }
}
