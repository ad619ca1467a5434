import { hashPassword, passwordProblems, verifyPassword } from './password';

describe('password policy (issue 3: ≥ 8 characters, long ones allowed, common ones refused)', () => {
  it.each(['password', '12345678', 'qwertyuiop', 'Password1', 'woaini1314', '88888888'])('refuses the common password %s', (p) => {
    expect(passwordProblems(p)).toContain('password is one of the most common passwords; choose another (该密码过于常见，请更换)');
  });

  it('refuses short ones and accepts a 64-character passphrase', () => {
    expect(passwordProblems('Ab3$x')).toEqual(['password must be at least 8 characters (密码至少8位)']);
    expect(passwordProblems('颐康养老院的护理员们每天早上七点交班'.padEnd(64, '!'))).toEqual([]);
  });

  it('refuses the username as password', () => {
    expect(passwordProblems('zhangwei.manager', 'Zhangwei.Manager')).toEqual(['password must not be the username (密码不能与用户名相同)']);
  });

  it('hashes with argon2id and verifies', async () => {
    const h = await hashPassword('Lotus-Pond-7731');
    expect(h).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verifyPassword(h, 'Lotus-Pond-7731')).toBe(true);
    expect(await verifyPassword(h, 'lotus-pond-7731')).toBe(false);
  });
});
