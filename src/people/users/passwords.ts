import argon2 from 'argon2';

/** argon2id; `low` cost exists only so test suites stay fast, and config refuses nothing else silently. */
export function hashPassword(password: string, cost: 'standard' | 'low'): Promise<string> {
  return argon2.hash(password, cost === 'low' ? { type: argon2.argon2id, memoryCost: 1024, timeCost: 1, parallelism: 1 } : { type: argon2.argon2id });
}

export function verifyPassword(hash: string, password: string): Promise<boolean> {
  return argon2.verify(hash, password).catch(() => false);
}
