/** Fixed secrets of the test apps (never used outside tests). */
export const TEST_JWT_SECRET = 'e2e-test-secret-of-at-least-32-characters!';
export const TEST_ID_KEYS = {
  ID_ENCRYPTION_KEYS: `1:${Buffer.alloc(32, 7).toString('base64')}`,
  ID_HMAC_KEY: Buffer.alloc(32, 9).toString('base64'),
};
