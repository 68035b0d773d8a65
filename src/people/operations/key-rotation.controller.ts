import { Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentActor, type Actor } from '../../platform/auth/actor.js';
import { Authorize } from '../../platform/auth/authorize.decorator.js';
import { Permission } from '../../platform/auth/permissions.js';
import { KeyRotationAdminService } from './key-rotation-admin.service.js';
import type { KeyRotationStatusDto } from './key-rotation.dto.js';

@ApiTags('operations 运维')
@Controller('admin/key-rotation')
export class KeyRotationController {
  constructor(private readonly rotation: KeyRotationAdminService) {}

  @Get()
  @Authorize(Permission.KeyRotationManage)
  status(@CurrentActor() actor: Actor): Promise<KeyRotationStatusDto> {
    return this.rotation.status(actor);
  }

  /** Re-encrypts every value under a retired key with the current DATA_KEY, in the background. */
  @Post()
  @HttpCode(202)
  @Authorize(Permission.KeyRotationManage)
  start(@CurrentActor() actor: Actor): Promise<KeyRotationStatusDto> {
    return this.rotation.start(actor);
  }
}
