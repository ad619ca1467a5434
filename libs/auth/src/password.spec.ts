import { hashPassword, passwordProblems, verifyPassword } from './password';

describe('password policy (≥ 8 characters, long ones allowed, common ones refused)', () => {
  it.each(['password', '12345678', 'qwertyuiop', 'Password1', 'woaini1314', 'qq123456'])('refuses the common password %s', (p) => {
    expect(passwordProblems(p)).toContain('password is one of the most common passwords; choose another (该密码过于常见，请更换)');
  });

  it('refuses short ones and accepts a 64-character passphrase', () => {
    expect(passwordProblems('Ab3$x')).toEqual(['password must be at least 8 characters (密码至少8位)']);
    expect(passwordProblems('颐康养老院的护理员们每天早上七点交班'.padEnd(64, '!'))).toEqual([]);
  });

  it('refuses the username as password', () => {
    expect(passwordProblems('zhangwei.manager', 'Zhangwei.Manager')).toEqual(['password must not be the username (密码不能与用户名相同)']);
  });

  // what a tester found accepted.
  it.each([
    ['aaaaaaaa', 'password must not be one character repeated (密码不能由同一个字符重复组成)'],
    ['        ', 'password must not be only spaces or invisible characters (密码不能全是空格或不可见字符)'],
    ['\u0000'.repeat(8), 'password must not be only spaces or invisible characters (密码不能全是空格或不可见字符)'],
    ['Lotus-\u0000Pond-7731', 'password must not contain control characters (密码不能包含控制字符)'],
    ['Passw0rd!', expect.stringMatching(/^password is too easy to guess .*密码太容易被猜到/)],
    ['Qwerty123!', expect.stringMatching(/^password is too easy to guess/)],
    ['Woaini1314!', expect.stringMatching(/^password is too easy to guess/)],
  ])('refuses %j, saying why', (password, problem) => {
    expect(passwordProblems(password)).toEqual([problem]);
  });

  it.each(['Lotus-Pond-7731', 'Quiet-Harbour-5821', 'Demo-Yikang-Ledger', '颐康养老院2026年冬'])('accepts the strong %s', (p) => {
    expect(passwordProblems(p)).toEqual([]);
  });

  it('counts characters, not UTF-16 units, and a username inside the password weakens it', () => {
    expect(passwordProblems('颐康养老院护理部')).not.toContain('password must be at least 8 characters (密码至少8位)');
    expect(passwordProblems('zhangwei1949', 'zhangwei')).toEqual([expect.stringMatching(/^password is too easy to guess/)]);
  });

  it('hashes with argon2id and verifies', async () => {
    const h = await hashPassword('Lotus-Pond-7731');
    expect(h).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verifyPassword(h, 'Lotus-Pond-7731')).toBe(true);
    expect(await verifyPassword(h, 'lotus-pond-7731')).toBe(false);
  });
});
