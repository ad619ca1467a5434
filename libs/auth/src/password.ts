import { Algorithm, hash, verify } from '@node-rs/argon2';
import { zxcvbn, zxcvbnOptions } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary } from '@zxcvbn-ts/language-common';

/**
 * Argon2id. `Algorithm` is an ambient const enum: a compiler that sees one file at a time (the tests'
 * isolatedModules) cannot inline it, so its value is written here and checked against the enum.
 */
const ARGON2ID: Algorithm.Argon2id = 2;
/** OWASP's argon2id parameters: 19 MiB, 2 passes, 1 lane. */
const ARGON2 = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 128;
/** zxcvbn's 0–4 scale: 3 is "safely unguessable" (~10^8 guesses and more). */
export const PASSWORD_MIN_SCORE = 3;

/** Common passwords of Chinese users not all in the English-centred list. */
const CHINESE_COMMON = [
  'woaini1314',
  'woaini520',
  'a123456',
  'a12345678',
  'qq123456',
  'aa123456',
  '5201314',
  '1314520',
  '88888888',
  '666666666',
  'abc123456',
  'iloveyou',
  'zhang123',
  'wang123456',
  'li123456',
  'admin123',
  'password123',
  'p@ssw0rd',
  'qwe123456',
  '123qwe',
  'asd123456',
  'zxcvbnm123',
  '1qaz2wsx',
  'careops123',
];

let common: Set<string> | undefined;
function commonPasswords(): Set<string> {
  if (!common) {
    common = new Set([...(dictionary['passwords'] as string[]), ...CHINESE_COMMON].map((p) => p.toLowerCase()));
    zxcvbnOptions.setOptions({ dictionary: { ...dictionary, chineseCommon: CHINESE_COMMON }, graphs: adjacencyGraphs });
  }
  return common;
}

/** Whitespace and control characters only, or one character repeated: no secret at all. */
const BLANK_OR_CONTROL = /^[\s\p{Cc}\p{Cf}]*$/u;
const CONTROL = /\p{Cc}/u;

/**
 * What is wrong with a new password (NIST 800-63B: length, not composition; no common ones, none a
 * strength estimator guesses quickly — ASVS 5.0 §6.2). Each problem says why, in both languages.
 */
export function passwordProblems(password: string, username?: string): string[] {
  const problems: string[] = [];
  const length = [...password].length;
  if (length < PASSWORD_MIN) problems.push(`password must be at least ${PASSWORD_MIN} characters (密码至少${PASSWORD_MIN}位)`);
  if (length > PASSWORD_MAX) problems.push(`password must be at most ${PASSWORD_MAX} characters (密码最多${PASSWORD_MAX}位)`);
  if (BLANK_OR_CONTROL.test(password)) {
    problems.push('password must not be only spaces or invisible characters (密码不能全是空格或不可见字符)');
    return problems;
  }
  if (CONTROL.test(password)) problems.push('password must not contain control characters (密码不能包含控制字符)');
  if (new Set(password).size === 1) {
    problems.push('password must not be one character repeated (密码不能由同一个字符重复组成)');
    return problems;
  }
  const lower = password.toLowerCase();
  if (commonPasswords().has(lower)) problems.push('password is one of the most common passwords; choose another (该密码过于常见，请更换)');
  else if (username && lower === username.toLowerCase()) problems.push('password must not be the username (密码不能与用户名相同)');
  else if (problems.length === 0 && zxcvbn(password, username ? [username] : []).score < PASSWORD_MIN_SCORE) {
    problems.push(
      'password is too easy to guess (a common word, name, keyboard row or pattern with small changes); ' +
        'use a longer phrase of unrelated words (密码太容易被猜到，请使用更长的、由不相关词语组成的密码)',
    );
  }
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
