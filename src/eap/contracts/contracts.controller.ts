import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentActor, type Actor } from '../../platform/auth/actor.js';
import { Authorize } from '../../platform/auth/authorize.decorator.js';
import { Permission } from '../../platform/auth/permissions.js';
import { ContractQueryDto, CreateContractDto, UpdateContractDto, type ContractDto } from './contract.dto.js';
import { ContractsService } from './contracts.service.js';

@ApiTags('eap EAP 合同')
@Controller('eap/contracts')
export class ContractsController {
  constructor(private readonly contracts: ContractsService) {}

  @Post()
  @Authorize(Permission.EapContractManage)
  create(@CurrentActor() actor: Actor, @Body() input: CreateContractDto): Promise<ContractDto> {
    return this.contracts.create(actor, input);
  }

  /** Contracts of your subtree and of the units above yours (which cover you too). */
  @Get()
  @Authorize(Permission.EapContractRead)
  list(@CurrentActor() actor: Actor, @Query() query: ContractQueryDto): Promise<ContractDto[]> {
    return this.contracts.list(actor, query);
  }

  @Get(':id')
  @Authorize(Permission.EapContractRead)
  get(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<ContractDto> {
    return this.contracts.get(actor, id);
  }

  @Patch(':id')
  @Authorize(Permission.EapContractManage)
  update(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() input: UpdateContractDto): Promise<ContractDto> {
    return this.contracts.update(actor, id, input);
  }

  @Post(':id/terminate')
  @HttpCode(200)
  @Authorize(Permission.EapContractManage)
  terminate(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<ContractDto> {
    return this.contracts.terminate(actor, id);
  }
}
