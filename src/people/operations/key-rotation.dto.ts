import { ApiProperty } from '@nestjs/swagger';

export class RotationColumnStatusDto {
  table: string;
  column: string;
  /** Values still under a retired key. */
  remaining: number;
}

export class RotationProgressDto {
  rotationId: string;
  step: number;
  rewritten: number;
  startedAt: string;
}

export class KeyRotationStatusDto {
  currentKeyId: string;
  retiredKeyIds: string[];
  running: boolean;
  @ApiProperty({ type: RotationProgressDto, nullable: true })
  progress: RotationProgressDto | null;
  /** Values still under a retired key, all columns. */
  remaining: number;
  @ApiProperty({ type: [RotationColumnStatusDto] })
  columns: RotationColumnStatusDto[];
  /** No value needs a retired key any more: DATA_KEYS_RETIRED can be emptied and the old key destroyed. */
  retiredKeysRemovable: boolean;
}
