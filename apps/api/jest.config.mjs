// Nest 12 ships ES modules only, so Jest runs in ESM mode (node --experimental-vm-modules)
// and @swc/jest compiles TypeScript with decorator metadata, which Nest's DI needs.
// TEST_DB picks the pass: the SQLite pass runs everything but the MySQL-only suites; the MySQL
// pass runs the database-facing tiers again on MariaDB/MySQL plus the suites only a server allows.
const mysqlPass = process.env.TEST_DB === 'mysql';

export default {
  testEnvironment: 'node',
  rootDir: '.',
  testMatch: mysqlPass
    ? ['<rootDir>/test/{db,e2e,mysql}/**/*.test.ts']
    : ['<rootDir>/test/{unit,db,e2e,process}/**/*.test.ts'],
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
