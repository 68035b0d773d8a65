import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentActor, type Actor } from '../../platform/auth/actor.js';
import { Authorize } from '../../platform/auth/authorize.decorator.js';
import { Permission } from '../../platform/auth/permissions.js';
import { CreateVendorDto, RotateSecretDto, UpdateVendorDto, type SigningSecretDto, type VendorDto } from './vendor.dto.js';
import { VendorsService } from './vendors.service.js';

@ApiTags('eap EAP 服务机构')
@Controller('eap/vendors')
export class VendorsController {
  constructor(private readonly vendors: VendorsService) {}

  @Post()
  @Authorize(Permission.EapVendorManage)
  create(@CurrentActor() actor: Actor, @Body() input: CreateVendorDto): Promise<VendorDto> {
    return this.vendors.create(actor, input);
  }

  @Get()
  @Authorize(Permission.EapVendorRead)
  list(@CurrentActor() actor: Actor): Promise<VendorDto[]> {
    return this.vendors.list(actor);
  }

  @Get(':id')
  @Authorize(Permission.EapVendorRead)
  get(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<VendorDto> {
    return this.vendors.get(actor, id);
  }

  @Patch(':id')
  @Authorize(Permission.EapVendorManage)
  update(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() input: UpdateVendorDto): Promise<VendorDto> {
    return this.vendors.update(actor, id, input);
  }

  /** The secret the vendor signs its webhooks to us with (`POST /vendor/webhooks/{vendorId}`); shown once. */
  @Post(':id/inbound-secret/rotate')
  @HttpCode(200)
  @Authorize(Permission.EapVendorManage)
  rotateInboundSecret(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() input: RotateSecretDto): Promise<SigningSecretDto> {
    return this.vendors.rotateInboundSecret(actor, id, input);
  }
}
