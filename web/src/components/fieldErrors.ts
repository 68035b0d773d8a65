import type { FormInstance } from 'antd';
import { ApiError, messagePart } from '../api/errors';

/**
 * Shows a refusal from the server under the form field it is about: a domain error by its code (`codes` maps a code
 * to the field), a validation error (`VALIDATION_FAILED`, whose problems start with the property name) by the
 * property (`properties` maps the API's property to the form's field when they differ). Answers whether it placed
 * anything; when not, the caller shows the error as usual.
 */
export function showFieldErrors(
  form: FormInstance,
  error: unknown,
  language: string,
  { codes = {}, properties = {} }: { codes?: Record<string, string>; properties?: Record<string, string> },
): boolean {
  if (!(error instanceof ApiError)) return false;
  const byField = new Map<string, string[]>();
  const add = (field: string | undefined, text: string) => {
    if (field) byField.set(field, [...(byField.get(field) ?? []), text]);
  };
  if (codes[error.code]) add(codes[error.code], messagePart(error.serverMessage, language));
  if (error.code === 'VALIDATION_FAILED' && Array.isArray(error.details.problems)) {
    for (const problem of error.details.problems as string[]) {
      const property = /^([\w.]+)/.exec(problem)?.[1]?.split('.')[0];
      if (property) add(properties[property] ?? property, problem);
    }
  }
  const known = new Set(Object.keys(form.getFieldsValue(true) as Record<string, unknown>));
  const fields = [...byField].filter(([name]) => known.has(name));
  form.setFields(fields.map(([name, errors]) => ({ name, errors })));
  return fields.length > 0;
}
