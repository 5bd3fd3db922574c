// One `jest` run: unit + in-process + storage contract tests (node), then the browser tests (e2e).
const transform = { '^.+\\.(mjs|cjs|[jt]sx?)$': 'babel-jest' };
// @fastify/static pulls in content-disposition, which ships ESM only: let babel compile it for jest.
const transformIgnorePatterns = ['/node_modules/(?!(content-disposition)/)'];

/** @type {import('jest').Config} */
module.exports = {
  projects: [
    {
      displayName: 'node',
      testEnvironment: 'node',
      transform,
      transformIgnorePatterns,
      roots: ['<rootDir>/types', '<rootDir>/cloudfunctions', '<rootDir>/scripts', '<rootDir>/tests'],
      testMatch: ['**/*.test.ts'],
      testPathIgnorePatterns: ['/node_modules/', '<rootDir>/tests/e2e/', '<rootDir>/dist/'],
      // Timeouts guard against hangs, not speed: CI shares two cores, and jest's 5 s default failed hooks that
      // seed dozens of databases while the machine was busy. Nothing here asserts how long anything takes.
      testTimeout: 60000,
      modulePathIgnorePatterns: ['<rootDir>/dist/'],
    },
    {
      displayName: 'e2e',
      testEnvironment: 'node',
      transform,
      transformIgnorePatterns,
      roots: ['<rootDir>/tests/e2e'],
      testMatch: ['**/*.test.ts'],
      globalSetup: '<rootDir>/tests/e2e/global-setup.ts',
      testTimeout: 120000,
    },
  ],
};
