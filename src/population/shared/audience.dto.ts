import { ArrayUnique, IsArray, IsIn, IsOptional } from 'class-validator';
import {
  CADRE_LEVELS,
  EMPLOYMENT_STATUSES,
  GENDERS,
  LIFE_EVENTS,
  SPECIAL_POSTS,
  type CadreLevel,
  type EmploymentStatus,
  type Gender,
  type LifeEvent,
  type SpecialPost,
} from '../../people/workers/worker-facts.js';

/** Profile facts that narrow an audience; leave a list out (or empty) to place no condition on that fact. */
export class AudienceDto {
  @IsOptional() @IsArray() @ArrayUnique() @IsIn(GENDERS, { each: true })
  genders?: Gender[];

  /** e.g. `["shift"]` for shift workers. */
  @IsOptional() @IsArray() @ArrayUnique() @IsIn(SPECIAL_POSTS, { each: true })
  specialPosts?: SpecialPost[];

  @IsOptional() @IsArray() @ArrayUnique() @IsIn(EMPLOYMENT_STATUSES, { each: true })
  employmentStatuses?: EmploymentStatus[];

  @IsOptional() @IsArray() @ArrayUnique() @IsIn(CADRE_LEVELS, { each: true })
  cadreLevels?: CadreLevel[];

  /** Matches workers with any of these life events. */
  @IsOptional() @IsArray() @ArrayUnique() @IsIn(LIFE_EVENTS, { each: true })
  lifeEvents?: LifeEvent[];
}
