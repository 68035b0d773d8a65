import { ApiProperty } from '@nestjs/swagger';
import { IsArray, IsObject, ArrayMaxSize } from 'class-validator';
import type { InstrumentVersionStatus } from '../entities/instrument-version.entity.js';
import { InstrumentDto, TextDto } from './instrument.dto.js';

/** An instrument file (docs/instrument.schema.json), as uploaded or edited in the browser. */
export class InstrumentFileBodyDto {
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'The instrument file (docs/instrument.schema.json)' })
  @IsObject()
  file: Record<string, unknown>;
}

export class InstrumentProblemDto {
  /** JSON pointer of the field, e.g. `/bands/1/min` (empty for the whole file). */
  path: string;
  message: string;
}

/** The check of a file: its problems (format, meaning, golden examples, licence) and, when sound, the worker's view. */
export class InstrumentFileCheckDto {
  ok: boolean;
  problems: InstrumentProblemDto[];
  /** Problems that block publishing only (licence). */
  licenceProblems: InstrumentProblemDto[];
  preview: InstrumentDto | null;
}

export class InstrumentVersionDto {
  code: string;
  version: string;
  name: TextDto;
  status: InstrumentVersionStatus;
  /** `shipped`: a file of the release; `uploaded`: loaded by an admin. */
  origin: 'shipped' | 'uploaded';
  /** The version workers take now. */
  current: boolean;
  licencePermission: string;
  createdAt: string | null;
  publishedAt: string | null;
  retiredAt: string | null;
}

export class InstrumentVersionDetailDto extends InstrumentVersionDto {
  @ApiProperty({ type: 'object', additionalProperties: true })
  file: Record<string, unknown>;
  licenceProblems: InstrumentProblemDto[];
}

export class TrySampleDto {
  @ApiProperty({ type: [Number], nullable: true })
  @IsArray() @ArrayMaxSize(200)
  answers: Array<number | null>;
}

export class TriggerDto {
  rule: string;
  level: string;
}

/** What sample answers give, computed and not stored. */
export class SampleScoreDto {
  totalScore: number | null;
  percentScore: number | null;
  band: string | null;
  subscales: Record<string, number> | null;
  subscaleBands: Record<string, string> | null;
  crisisLevel: string | null;
  triggers: TriggerDto[];
}
