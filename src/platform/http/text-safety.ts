import { BadRequestException, ValidationPipe, type ArgumentMetadata } from '@nestjs/common';

/**
 * Control characters other than tab and line breaks (NUL, the other C0 codes, DEL) mean nothing in text a person
 * typed, and PostgreSQL refuses NUL in text and JSON; a lone surrogate is not text either (it cannot be UTF-8).
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]|\p{Cs}/u;

export function isSafeText(text: string): boolean {
  return !UNSAFE.test(text);
}

/** Where in a body, query or path a string is not safe text, as `field`, `items.0.note`; walked without recursion. */
export function unsafeTextPaths(value: unknown, root = ''): string[] {
  const found: string[] = [];
  const stack: Array<[unknown, string]> = [[value, root]];
  while (stack.length > 0) {
    const [node, path] = stack.pop()!;
    if (typeof node === 'string') {
      if (!isSafeText(node)) found.push(path || 'value');
    } else if (node !== null && typeof node === 'object' && !Buffer.isBuffer(node)) {
      for (const [key, child] of Object.entries(node as Record<string, unknown>)) {
        const here = path ? `${path}.${key}` : key;
        // The key itself is shown with its unsafe characters replaced, so the message is safe text too.
        if (!isSafeText(key)) found.push(here.replace(new RegExp(UNSAFE, 'gu'), '\uFFFD'));
        stack.push([child, here]);
      }
    }
  }
  return found.sort();
}

export const unsafeTextMessage = (path: string) => `${path} must not contain control characters / 不能包含控制字符`;

/**
 * The global validation step: before any DTO is validated, every string of every body, query and path parameter is
 * checked for control characters, so no field can forget the rule (it was once a decorator on one search field).
 * The 400 names each field, as class-validator's messages do.
 */
export class SafeTextValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'body' || metadata.type === 'query' || metadata.type === 'param') {
      const unsafe = unsafeTextPaths(value, metadata.data ?? '');
      if (unsafe.length > 0) throw new BadRequestException(unsafe.map(unsafeTextMessage));
    }
    return super.transform(value, metadata);
  }
}
