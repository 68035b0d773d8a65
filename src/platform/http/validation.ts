import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ValidateBy, type ValidationOptions } from 'class-validator';
import { isCalendarDay, parseInstant } from '../clock/rfc3339.js';

/**
 * An instant in RFC 3339 (`2026-05-04T10:00:00Z`, `2026-05-04T18:00:00+08:00`): the one form of time the API
 * reads. It is parsed once here and handed on normalised to UTC (`toISOString()`), so services never meet a
 * string `new Date()` cannot read; anything else is a 400 naming the field.
 */
export const IsInstant = (options?: ValidationOptions) =>
  applyDecorators(
    ApiProperty({ type: String, format: 'date-time', example: '2026-05-04T10:00:00+08:00' }),
    Transform(({ value }: { value: unknown }) => parseInstant(value)?.toISOString() ?? value),
    ValidateBy(
      { name: 'isInstant', validator: { validate: (value) => parseInstant(value) !== null, defaultMessage: (a) => `${a?.property} must be an RFC 3339 date-time such as 2026-05-04T10:00:00+08:00 / 须为 RFC 3339 时间，如 2026-05-04T10:00:00+08:00` } },
      options,
    ),
  );

/** A real calendar day `YYYY-MM-DD` (no 2026-02-30, no 2026-13-01). */
export const IsCalendarDay = (options?: ValidationOptions) =>
  applyDecorators(
    ApiProperty({ type: String, format: 'date', example: '2026-05-04' }),
    ValidateBy(
      { name: 'isCalendarDay', validator: { validate: (value) => isCalendarDay(value), defaultMessage: (a) => `${a?.property} must be a real calendar day YYYY-MM-DD / 须为真实日期（YYYY-MM-DD）` } },
      options,
    ),
  );

/** Whitespace and invisible format characters (zero-width space, joiners, BOM) say nothing. */
const BLANK = /^[\s\p{Cf}]*$/u;

/** Required text: a string with something in it besides spaces and invisible characters. */
export const HasText = (options?: ValidationOptions) =>
  ValidateBy(
    { name: 'hasText', validator: { validate: (value) => typeof value === 'string' && !BLANK.test(value), defaultMessage: (a) => `${a?.property} must not be empty or only spaces / 不能为空或只有空格` } },
    options,
  );
