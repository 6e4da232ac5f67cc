// Nest 12 ships ES modules only, so Jest runs in ESM mode (node --experimental-vm-modules)
// and @swc/jest compiles TypeScript with decorator metadata, which Nest's DI needs.

// Which tiers a run takes. The SQLite pass runs everything but the MySQL-only and browser suites;
// the MySQL pass (TEST_DB=mysql) runs the database-facing tiers again on MariaDB/MySQL plus the
// suites only a server allows; TEST_TIER=browser drives the H5 build in Chromium.
// `security` holds one file per break-in finding (docs/identity-and-access.md): both databases.
const TIERS = {
  sqlite: '{unit,db,e2e,security,process}',
  mysql: '{db,e2e,security,mysql}',
  browser: 'browser',
};
const pass = process.env.TEST_TIER === 'browser' ? 'browser' : process.env.TEST_DB === 'mysql' ? 'mysql' : 'sqlite';

export default {
  testEnvironment: 'node',
  rootDir: '.',
  testMatch: [`<rootDir>/test/${TIERS[pass]}/**/*.test.ts`],
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: {
    '^.+\\.ts$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', decorators: true },
          transform: { legacyDecorator: true, decoratorMetadata: true },
          target: 'es2022',
        },
        module: { type: 'es6' },
      },
    ],
  },
  testTimeout: 60000,
};
