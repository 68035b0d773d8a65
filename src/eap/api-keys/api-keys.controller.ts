import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentActor, type Actor } from '../../platform/auth/actor.js';
import { Authorize } from '../../platform/auth/authorize.decorator.js';
import { Permission } from '../../platform/auth/permissions.js';
import { CreateApiKeyDto, RotateApiKeyDto, type ApiKeyDto, type IssuedApiKeyDto } from './api-key.dto.js';
import { ApiKeysService } from './api-keys.service.js';

/** A vendor's API keys (root administrators). */
@ApiTags('eap EAP 服务机构')
@Controller('eap/vendors/:vendorId/api-keys')
export class ApiKeysController {
  constructor(private readonly keys: ApiKeysService) {}

  /** Issues a key; the response is the only time it is shown. */
  @Post()
  @Authorize(Permission.EapVendorManage)
  issue(@CurrentActor() actor: Actor, @Param('vendorId', ParseUUIDPipe) vendorId: string, @Body() input: CreateApiKeyDto): Promise<IssuedApiKeyDto> {
    return this.keys.issue(actor, vendorId, input);
  }

  @Get()
  @Authorize(Permission.EapVendorManage)
  list(@CurrentActor() actor: Actor, @Param('vendorId', ParseUUIDPipe) vendorId: string): Promise<ApiKeyDto[]> {
    return this.keys.list(actor, vendorId);
  }

  @Post(':keyId/rotate')
  @Authorize(Permission.EapVendorManage)
  rotate(
    @CurrentActor() actor: Actor,
    @Param('vendorId', ParseUUIDPipe) vendorId: string,
    @Param('keyId', ParseUUIDPipe) keyId: string,
    @Body() input: RotateApiKeyDto,
  ): Promise<IssuedApiKeyDto> {
    return this.keys.rotate(actor, vendorId, keyId, input);
  }

  @Post(':keyId/revoke')
  @HttpCode(200)
  @Authorize(Permission.EapVendorManage)
  revoke(@CurrentActor() actor: Actor, @Param('vendorId', ParseUUIDPipe) vendorId: string, @Param('keyId', ParseUUIDPipe) keyId: string): Promise<ApiKeyDto> {
    return this.keys.revoke(actor, vendorId, keyId);
  }
}
