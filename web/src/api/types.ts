import type { components } from './schema';

/** Short names for the generated schemas (web/src/api/schema.d.ts, from openapi.json). */
export type Schemas = components['schemas'];
export type Me = Schemas['MeDto'];
export type Role = Me['role'];
export type Tokens = Schemas['TokensDto'];
export type Text = Schemas['TextDto'];
export type OrgUnit = Schemas['OrgUnitDto'];
