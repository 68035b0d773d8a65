import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import type { ValueTransformer } from 'typeorm';

const PREFIX = 'enc';
const VERSION = 'v1';

interface Key {
  id: string;
  bytes: Buffer;
}

const keyIdOf = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex').slice(0, 8);

/**
 * AES-256-GCM for sensitive fields. Every ciphertext carries `enc:v1:<keyId>:` so keys rotate: new writes use the
 * current key, old rows stay readable with a retired key until re-encrypted.
 */
export class FieldCipher {
  private readonly current: Key;
  private readonly byId = new Map<string, Key>();

  constructor(currentKeyBase64: string, retiredKeysBase64: string[] = []) {
    for (const encoded of [currentKeyBase64, ...retiredKeysBase64]) {
      const bytes = Buffer.from(encoded, 'base64');
      if (bytes.length !== 32) throw new Error('Field-encryption keys must be 32 bytes');
      const key = { id: keyIdOf(bytes), bytes };
      this.byId.set(key.id, key);
    }
    this.current = this.byId.get(keyIdOf(Buffer.from(currentKeyBase64, 'base64')))!;
  }

  get currentKeyId(): string {
    return this.current.id;
  }

  /** Ids of the retired keys still configured (DATA_KEYS_RETIRED), for the rotation status. */
  get retiredKeyIds(): string[] {
    return [...this.byId.keys()].filter((id) => id !== this.current.id);
  }

  encrypt(plain: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.current.bytes, iv);
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    const parts = [iv, cipher.getAuthTag(), body].map((b) => b.toString('base64url'));
    return [PREFIX, VERSION, this.current.id, ...parts].join(':');
  }

  decrypt(stored: string): string {
    const [prefix, version, keyId, iv, tag, body] = stored.split(':');
    if (prefix !== PREFIX || version !== VERSION || body === undefined) throw new Error('Not a v1 ciphertext');
    const key = this.byId.get(keyId);
    if (!key) throw new Error(`Unknown field-encryption key ${keyId}`);
    const decipher = createDecipheriv('aes-256-gcm', key.bytes, Buffer.from(iv, 'base64url'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
  }

  /** True when a stored value was written with a key other than the current one (a re-encryption candidate). */
  needsRotation(stored: string): boolean {
    return stored.split(':')[2] !== this.current.id;
  }
}

let processCipher: FieldCipher | undefined;

/** Installed once at start-up from DATA_KEY; entity transformers need it before any row is read. */
export function installFieldCipher(cipher: FieldCipher): void {
  processCipher = cipher;
}

export function fieldCipher(): FieldCipher {
  if (!processCipher) throw new Error('Field cipher not installed');
  return processCipher;
}

/** Column transformer: plaintext in the entity, ciphertext in the database. */
export const encrypted: ValueTransformer = {
  to: (value: string | null | undefined) => (value === null || value === undefined ? value : fieldCipher().encrypt(value)),
  from: (value: string | null | undefined) => (value === null || value === undefined ? value : fieldCipher().decrypt(value)),
};

/** Column transformer for structured sensitive data: JSON, then encrypted, in a text column. */
export const encryptedJson: ValueTransformer = {
  to: (value: unknown) => (value === null || value === undefined ? value : fieldCipher().encrypt(JSON.stringify(value))),
  from: (value: string | null | undefined): unknown => (value === null || value === undefined ? value : (JSON.parse(fieldCipher().decrypt(value)) as unknown)),
};
