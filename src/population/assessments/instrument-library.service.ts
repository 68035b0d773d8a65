import { Injectable, Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { ConfigurationError, type AppConfig } from '../../platform/config/app-config.js';
import { notFound } from '../../platform/errors/domain-error.js';
import { AssessmentErrors } from './assessment-errors.js';
import type { InstrumentDto, InstrumentSummaryDto } from './dto/instrument.dto.js';
import { parseCrisisRuleOverrides } from './instruments/crisis-config.js';
import { INSTRUMENTS } from './instruments/index.js';
import type { CrisisRule, InstrumentDefinition } from './instruments/instrument.types.js';
import { validateCrisisRules, validateInstrument } from './instruments/validate-instrument.js';
import { toInstrumentDto, toInstrumentSummaryDto } from './instrument-mapper.js';

/**
 * The instrument library in force: the shipped definitions, validated when the app starts (a broken definition or
 * a bad ASSESSMENT_CRISIS_RULES stops start-up with every problem named), and the crisis rules per instrument.
 */
@Injectable()
export class InstrumentLibrary {
  private readonly byCode = new Map<string, InstrumentDefinition>();
  private readonly rules = new Map<string, CrisisRule[]>();

  constructor(config: ConfigService<AppConfig, true>) {
    const problems: string[] = [];
    for (const def of INSTRUMENTS) {
      problems.push(...validateInstrument(def));
      this.byCode.set(def.code, def);
      this.rules.set(def.code, def.crisisRules);
    }
    const overrides = parseCrisisRuleOverrides(config.get('ASSESSMENT_CRISIS_RULES', { infer: true }) ?? '');
    problems.push(...overrides.problems);
    for (const [code, rules] of overrides.rules) {
      const def = this.byCode.get(code);
      if (!def) {
        problems.push(`ASSESSMENT_CRISIS_RULES names an unknown instrument: ${code}`);
        continue;
      }
      problems.push(...validateCrisisRules(def, rules));
      this.rules.set(code, rules);
    }
    if (problems.length > 0) {
      throw new ConfigurationError(`量表库无效 / Invalid instrument library:\n  ${problems.join('\n  ')}`);
    }
    if (overrides.rules.size > 0) {
      new Logger(InstrumentLibrary.name).log(`crisis rules configured for ${[...overrides.rules.keys()].join(', ')}`);
    }
  }

  list(): InstrumentSummaryDto[] {
    return [...this.byCode.values()].map(toInstrumentSummaryDto);
  }

  /** GET /instruments/{code}: 404 for an unknown code. */
  describe(code: string): InstrumentDto {
    const def = this.byCode.get(code);
    if (!def) throw notFound('Instrument', '该量表');
    return toInstrumentDto(def, this.crisisRulesOf(code));
  }

  /** For submissions: 400 UNKNOWN_INSTRUMENT for an unknown code. */
  require(code: string): InstrumentDefinition {
    const def = this.byCode.get(code);
    if (!def) throw AssessmentErrors.unknownInstrument(code);
    return def;
  }

  find(code: string): InstrumentDefinition | undefined {
    return this.byCode.get(code);
  }

  crisisRulesOf(code: string): readonly CrisisRule[] {
    return this.rules.get(code) ?? [];
  }

  /** Display order of the library (the record lists instruments in it). */
  order(code: string): number {
    return [...this.byCode.keys()].indexOf(code);
  }
}
