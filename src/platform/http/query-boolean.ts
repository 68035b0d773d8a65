import { Transform } from 'class-transformer';

/** A query-string boolean: 'true'/'false' become booleans; anything else stays as is, so @IsBoolean refuses it. */
export const QueryBoolean = () =>
  Transform(({ value }: { value: unknown }) => (value === 'true' || value === true ? true : value === 'false' || value === false ? false : value));
