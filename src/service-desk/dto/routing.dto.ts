import { IsIn, IsUUID } from 'class-validator';
import { CATEGORIES, type Category } from '../domain/categories.js';

const RULE_CATEGORIES = [...CATEGORIES, '*'] as const;

export class CreateRoutingRuleDto {
  /** Applies to requests of workers in this unit's subtree (a unit in your scope). */
  @IsUUID()
  orgUnitId: string;

  /** A category code, or `*` for any category. */
  @IsIn(RULE_CATEGORIES)
  category: Category | '*';

  /** The unit that takes these requests. */
  @IsUUID()
  targetUnitId: string;
}

export class RoutingRuleDto {
  id: string;
  orgUnitId: string;
  category: Category | '*';
  targetUnitId: string;
  createdBy: string;
  createdAt: string;
}
