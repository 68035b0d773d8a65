import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { AppConfig } from '../../platform/config/app-config.js';
import { autoReplyText } from './domain/auto-reply.js';
import { crisisPhrases } from './domain/crisis-language.js';

/** 线上心理疏导's settings, read and checked once at start-up. */
@Injectable()
export class OnlineCounsellingSettings {
  readonly timeZone: string;
  readonly crisisPhrases: readonly string[];
  readonly autoReply: string;

  constructor(config: ConfigService<AppConfig, true>) {
    this.timeZone = config.get('ONLINE_COUNSELLING_TIMEZONE', { infer: true });
    new Intl.DateTimeFormat('en-US', { timeZone: this.timeZone }); // an unknown zone fails the start (RangeError)
    this.crisisPhrases = crisisPhrases(config.get('ONLINE_CRISIS_PHRASES', { infer: true }));
    this.autoReply = autoReplyText(config.get('HELP_LINES', { infer: true }));
  }
}
