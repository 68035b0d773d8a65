import { IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { HasText } from '../../platform/http/validation.js';

export class OrgUnitDto {
  id: string;
  name: string;
  parentId: string | null;
  depth: number;
}

export class CreateOrgUnitDto {
  /** 单位名称 / Unit name, e.g. 某某公司工会 */
  @IsString() @HasText() @MaxLength(200)
  name: string;

  @IsUUID()
  parentId: string;
}

/** Rename, move, or both. Moving a unit moves its whole subtree. */
export class UpdateOrgUnitDto {
  @IsOptional() @IsString() @HasText() @MaxLength(200)
  name?: string;

  @IsOptional() @IsUUID()
  parentId?: string;
}
