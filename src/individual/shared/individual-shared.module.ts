import { Module } from '@nestjs/common';
import { IndividualRightsContributor } from './individual-rights.contributor.js';
import { ConfigService } from '@nestjs/config';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { AppConfig } from '../../platform/config/app-config.js';
import { HistoryEntry } from './history.entity.js';
import { IndividualHistory } from './history.service.js';
import { IndividualSettings } from './settings.js';

/** What the three modules of the individual tier share: the history table and the tier's settings. */
@Module({
  imports: [TypeOrmModule.forFeature([HistoryEntry])],
  providers: [
    IndividualRightsContributor,
    IndividualHistory,
    { provide: IndividualSettings, inject: [ConfigService], useFactory: (config: ConfigService<AppConfig, true>) => new IndividualSettings(config) },
  ],
  exports: [IndividualHistory, IndividualSettings],
})
export class IndividualSharedModule {}
