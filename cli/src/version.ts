// The package version, put in by the bundler (scripts/build.mjs defines it from package.json).
declare const __POLYTOMIC_CLI_VERSION__: string | undefined;

export const CLI_VERSION: string = typeof __POLYTOMIC_CLI_VERSION__ === 'string' ? __POLYTOMIC_CLI_VERSION__ : '0.0.0-dev';
