import { Inject, Injectable } from '@nestjs/common';
import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import { maskIdNumber } from '@careops/care';

export const ID_KEYS = Symbol('ID_KEYS');

export interface IdKeySettings {
  /** `version:base64,…` — the highest version encrypts. */
  encryptionKeys: string;
  hmacKey: string;
}

export interface ProtectedIdNumber {
  cipher: Buffer;
  keyVersion: number;
  hmac: Buffer;
  masked: string;
}

/**
 * The ID number is sensitive personal information (docs/rules.md §4): stored only encrypted
 * (AES-256-GCM: 12-byte IV ‖ 16-byte tag ‖ ciphertext), found by a keyed hash, shown masked.
 */
@Injectable()
export class IdNumberProtector {
  private readonly keys = new Map<number, Buffer>();
  private readonly current: number;
  private readonly hmacKey: Buffer;

  constructor(@Inject(ID_KEYS) settings: IdKeySettings) {
    for (const pair of settings.encryptionKeys.split(',')) {
      const [version, key] = pair.split(':');
      const bytes = Buffer.from(key, 'base64');
      if (bytes.length !== 32) throw new Error(`ID encryption key ${version} is not 32 bytes`);
      this.keys.set(Number(version), bytes);
    }
    this.current = Math.max(...this.keys.keys());
    this.hmacKey = Buffer.from(settings.hmacKey, 'base64');
  }

  protect(idNumber: string): ProtectedIdNumber {
    const id = idNumber.toUpperCase();
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.keys.get(this.current) as Buffer, iv);
    const encrypted = Buffer.concat([cipher.update(id, 'utf8'), cipher.final()]);
    return {
      cipher: Buffer.concat([iv, cipher.getAuthTag(), encrypted]),
      keyVersion: this.current,
      hmac: this.hash(id),
      masked: maskIdNumber(id),
    };
  }

  reveal(cipherText: Buffer, keyVersion: number): string {
    const key = this.keys.get(keyVersion);
    if (!key) throw new Error(`no ID encryption key of version ${keyVersion} is configured`);
    const decipher = createDecipheriv('aes-256-gcm', key, cipherText.subarray(0, 12));
    decipher.setAuthTag(cipherText.subarray(12, 28));
    return Buffer.concat([decipher.update(cipherText.subarray(28)), decipher.final()]).toString('utf8');
  }

  hash(idNumber: string): Buffer {
    return createHmac('sha256', this.hmacKey).update(idNumber.toUpperCase()).digest();
  }

  /** The key version new ciphers use; rotation re-encrypts the others (rotateIdKeys). */
  get currentVersion(): number {
    return this.current;
  }
}
