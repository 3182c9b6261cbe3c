// The environment the project's scripts hand to the processes they start: the nested `npm install` of code-server,
// code-server itself, the emulator and the editors of the playground and the in-editor tests.
// Under `npm test` or `npm start` the outer npm (on Node 20) exports its own config as npm_config_* (its user agent
// names Node 20, its nodedir, prefix and cache), npm_package_*, npm_lifecycle_*, npm_node_execpath, NODE and INIT_CWD.
// A nested npm reads them as its own config, so code-server's postinstall believed it ran on Node 20 and refused.
// An allow-list (safer than a deny-list: npm adds variables between versions) keeps only what a process needs to
// find its tools and home, reach the registry (proxy, CA bundle) and talk to a terminal or a display.
'use strict';

const ALLOWED = new Set([
  'PATH', 'HOME', 'USER', 'LOGNAME', 'SHELL', 'TMPDIR', 'TZ', 'LANG', 'LANGUAGE',
  'TERM', 'COLORTERM', 'NO_COLOR', 'FORCE_COLOR', 'CI',
  'HTTP_PROXY', 'HTTPS_PROXY', 'NO_PROXY', 'http_proxy', 'https_proxy', 'no_proxy',
  'NODE_EXTRA_CA_CERTS', 'SSL_CERT_FILE', 'SSL_CERT_DIR',
  'DISPLAY', 'WAYLAND_DISPLAY', 'XAUTHORITY', 'DBUS_SESSION_BUS_ADDRESS', 'DEBIAN_FRONTEND',
  'POLYTOMIC_VSCODE_CACHE', // where scripts/editor-env.mjs keeps Node 24 and code-server
]);
const ALLOWED_PREFIXES = ['LC_', 'XDG_'];

// What npm exports to the scripts it runs; none of it may reach a child (a test checks the allow-list keeps it out).
const NPM_EXPORTED = [/^npm_config_/i, /^npm_package_/i, /^npm_lifecycle_/i, /^npm_/i, /^NODE$/, /^INIT_CWD$/, /^COLOR$/, /^EDITOR$/];

/** PATH without the folders npm prepends for a script (node_modules/.bin of every parent, its node-gyp-bin). */
function cleanPath(pathValue) {
  return (pathValue || '')
    .split(':')
    .filter((dir) => dir && !/[\\/]node_modules[\\/]\.bin$/.test(dir) && !/[\\/]node-gyp-bin$/.test(dir))
    .join(':');
}

/**
 * The allowed part of `source` (default process.env), with `extra` on top. `extra` is the caller's own choice and
 * may set anything, e.g. PATH with Node 24 first or npm_config_nodedir for native builds against Node 24.
 */
function childEnv(extra = {}, source = process.env) {
  const env = {};
  for (const [name, value] of Object.entries(source)) {
    if (value === undefined) continue;
    if (ALLOWED.has(name) || ALLOWED_PREFIXES.some((prefix) => name.startsWith(prefix))) env[name] = value;
  }
  if (env.PATH !== undefined) env.PATH = cleanPath(env.PATH);
  return { ...env, ...extra };
}

/** The names in `env` that npm exported to a script it ran: empty for an environment made by childEnv(). */
function npmExportedNames(env) {
  return Object.keys(env).filter((name) => NPM_EXPORTED.some((pattern) => pattern.test(name)));
}

module.exports = { childEnv, npmExportedNames, cleanPath };
