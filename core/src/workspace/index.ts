// The folder-level engine: plan, apply, drift and import over a folder of connection files. No vscode import; the
// extension (client/src/plan/) and the command-line tool (cli/) drive it.
export * from './files';
export * from './plan';
export * from './applyPlan';
export * from './importOrganization';
export * from './drift';
export * from './requestBody';
export { forEachLimited } from './pool';
