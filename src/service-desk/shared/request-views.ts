import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Clock } from '../../platform/clock/clock.js';
import { toDeskRequestDto, toMyRequestDto } from '../desk-mapper.js';
import type { DeskRequestDto, MyRequestDto } from '../dto/request.dto.js';
import { DeskForward } from '../entities/desk-forward.entity.js';
import type { DeskRequest } from '../entities/desk-request.entity.js';
import { DeskSettings } from './desk-settings.js';
import { RequestTrail } from './request-trail.js';

/** A request as staff see it (trail, forwards, notes) and as its worker sees it (status and replies only). */
@Injectable()
export class RequestViews {
  constructor(
    private readonly trail: RequestTrail,
    private readonly settings: DeskSettings,
    private readonly clock: Clock,
  ) {}

  async staff(manager: EntityManager, request: DeskRequest): Promise<DeskRequestDto> {
    const forwards = await manager.find(DeskForward, { where: { requestId: request.id }, order: { position: 'ASC' } });
    return toDeskRequestDto(request, await this.trail.of(manager, request.id), forwards, this.clock.now());
  }

  async worker(manager: EntityManager, request: DeskRequest): Promise<MyRequestDto> {
    return toMyRequestDto(request, await this.trail.of(manager, request.id), this.settings.reopenPeriodMs, this.clock.now());
  }
}
