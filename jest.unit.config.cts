// Tier 1 (STYLE.md): pure unit tests, every project that has a jest.config.cts.
module.exports = {
  projects: ['<rootDir>/libs/*/jest.config.cts'],
};
