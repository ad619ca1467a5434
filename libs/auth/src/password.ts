import { Algorithm, hash, verify } from '@node-rs/argon2';
import { dictionary } from '@zxcvbn-ts/language-common';

/** OWASP's argon2id parameters: 19 MiB, 2 passes, 1 lane. */
const ARGON2 = { algorithm: Algorithm.Argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 128;

/** Common passwords of Chinese users not all in the English-centred list. */
const CHINESE_COMMON = ['woaini1314', 'woaini520', 'a123456', 'a12345678', 'qq123456', 'aa123456', '5201314',
  '1314520', '88888888', '666666666', 'abc123456', 'iloveyou', 'zhang123', 'wang123456', 'li123456', 'admin123',
  'password123', 'p@ssw0rd', 'qwe123456', '123qwe', 'asd123456', 'zxcvbnm123', '1qaz2wsx', 'careops123'];

let common: Set<string> | undefined;
function commonPasswords(): Set<string> {
  common ??= new Set([...(dictionary['passwords'] as string[]), ...CHINESE_COMMON].map((p) => p.toLowerCase()));
  return common;
}

/** What is wrong with a new password (NIST 800-63B: length, not composition; no common ones). */
export function passwordProblems(password: string, username?: string): string[] {
  const problems: string[] = [];
  if (password.length < PASSWORD_MIN) problems.push(`password must be at least ${PASSWORD_MIN} characters (密码至少${PASSWORD_MIN}位)`);
  if (password.length > PASSWORD_MAX) problems.push(`password must be at most ${PASSWORD_MAX} characters (密码最多${PASSWORD_MAX}位)`);
  const lower = password.toLowerCase();
  if (commonPasswords().has(lower)) problems.push('password is one of the most common passwords; choose another (该密码过于常见，请更换)');
  else if (username && lower === username.toLowerCase()) problems.push('password must not be the username (密码不能与用户名相同)');
  return problems;
}

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** Verifying against this when no user exists keeps a wrong username as slow as a wrong password. */
let dummy: Promise<string> | undefined;
export function dummyHash(): Promise<string> {
  dummy ??= hashPassword('careops-no-such-user-placeholder');
  return dummy;
}
