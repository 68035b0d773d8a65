import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntitySubscriberInterface, InsertEvent } from 'typeorm';
import { Clock } from '../clock/clock.js';

/** Stamps `createdAt` from the injected Clock on insert, so every table shares one notion of time (and tests move it). */
@Injectable()
export class CreatedAtSubscriber implements EntitySubscriberInterface {
  constructor(
    @InjectDataSource() dataSource: DataSource,
    private readonly clock: Clock,
  ) {
    dataSource.subscribers.push(this);
  }

  beforeInsert(event: InsertEvent<Record<string, unknown>>): void {
    const entity = event.entity;
    if (!entity || entity.createdAt !== undefined) return;
    if (event.metadata.findColumnWithPropertyName('createdAt')) entity.createdAt = this.clock.now();
  }
}
