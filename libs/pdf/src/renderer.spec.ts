import { ChromiumNotFoundError, findChromium } from './renderer';

describe('findChromium', () => {
  it('takes PUPPETEER_EXECUTABLE_PATH when it is executable', () => {
    expect(findChromium({ PUPPETEER_EXECUTABLE_PATH: process.execPath })).toBe(process.execPath);
  });

  it('says how to install Chromium when PUPPETEER_EXECUTABLE_PATH points nowhere', () => {
    const find = () => findChromium({ PUPPETEER_EXECUTABLE_PATH: '/nonexistent/chrome' });
    expect(find).toThrow(ChromiumNotFoundError);
    expect(find).toThrow(/apt-get install -y chromium fonts-noto-cjk.*PUPPETEER_EXECUTABLE_PATH/);
  });
});
