import { ConfigError, loadConfig } from './config';

describe('PUBLIC_BASE_URL (the address the QR code of an issued document opens)', () => {
  const base = {
    DATABASE_URL: 'postgres://careops@localhost/careops',
    JWT_SECRET: 'x'.repeat(32),
    ID_ENCRYPTION_KEYS: `1:${'A'.repeat(43)}=`,
    ID_HMAC_KEY: 'B'.repeat(43),
  };

  it("defaults to the API's own origin as configured", () => {
    expect(loadConfig(base).PUBLIC_BASE_URL).toBe('http://localhost:3000');
    expect(loadConfig({ ...base, PORT: '8080' }).PUBLIC_BASE_URL).toBe('http://localhost:8080');
    expect(loadConfig({ ...base, HOST: 'careops.internal', PORT: '8080' }).PUBLIC_BASE_URL).toBe('http://careops.internal:8080');
  });

  it('is taken as set, without a trailing slash; anything but an http(s) URL fails at boot naming the variable', () => {
    expect(loadConfig({ ...base, PUBLIC_BASE_URL: 'https://yanglao.example.cn/careops/' }).PUBLIC_BASE_URL).toBe(
      'https://yanglao.example.cn/careops',
    );
    expect(() => loadConfig({ ...base, PUBLIC_BASE_URL: 'yanglao.example.cn' })).toThrow(ConfigError);
    expect(() => loadConfig({ ...base, PUBLIC_BASE_URL: 'ftp://yanglao.example.cn' })).toThrow(/PUBLIC_BASE_URL must be an http\(s\) URL/);
  });
});
