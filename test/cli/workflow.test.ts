// The GitHub Actions workflow of docs/github-actions/polytomic.yml, its `run:` lines read from the YAML text and run
// with the shell GitHub uses, against the emulator: validate annotates, the plan comment is written, apply creates
// and the ids are committed and pushed (to a local bare repository standing in for GitHub's).
import { after, afterEach, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { startEmulator, type RunningEmulator } from '../../emulator/src/index';
import { CLI_PATH, cleanEnv, REPO_ROOT, SHARED_CATALOG, tempFolder } from './support';

const KEY = 'workflow-key-1a2b3c4d5e';
const WORKFLOW = readFileSync(path.join(REPO_ROOT, 'docs', 'github-actions', 'polytomic.yml'), 'utf8');

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  if?: string;
}

interface Job {
  if?: string;
  /** The env block as written (values are expressions GitHub fills in). */
  env: Record<string, string>;
  steps: Step[];
}

/** Reads the jobs of this workflow: two-space YAML, steps as "- " items, run either inline or a "|" block. */
function parseJobs(text: string): Record<string, Job> {
  const lines = text.split('\n');
  const jobs: Record<string, Job> = {};
  const start = lines.indexOf('jobs:');
  assert.ok(start >= 0, 'a jobs: section');
  let job: Job | undefined;
  let section: 'env' | 'steps' | undefined;
  let step: Step | undefined;
  for (let i = start + 1; i < lines.length; i++) {
    const line = lines[i];
    if (line.trim() === '' || line.trim().startsWith('#')) continue;
    const indent = line.length - line.trimStart().length;
    if (indent === 2) {
      job = { env: {}, steps: [] };
      jobs[line.trim().replace(/:$/, '')] = job;
      section = undefined;
      continue;
    }
    if (!job) continue;
    if (indent === 4) {
      const [key, ...rest] = line.trim().split(':');
      section = key === 'env' || key === 'steps' ? key : undefined;
      if (key === 'if') job.if = rest.join(':').trim();
      continue;
    }
    if (section === 'env' && indent === 6) {
      const match = /^(\w+):\s*(.*)$/.exec(line.trim());
      if (match) job.env[match[1]] = match[2];
      continue;
    }
    if (section !== 'steps') continue;
    const item = /^ {6}- (.*)$/.exec(line);
    const property = item ? item[1] : indent === 8 ? line.trim() : undefined;
    if (item) {
      step = {};
      job.steps.push(step);
    }
    if (!step || property === undefined) continue;
    const match = /^(name|uses|run|if):\s*(.*)$/.exec(property);
    if (!match) continue;
    const [, key, value] = match;
    if (key === 'run' && value === '|') {
      const block: string[] = [];
      while (i + 1 < lines.length && (lines[i + 1].trim() === '' || lines[i + 1].startsWith(' '.repeat(10)))) block.push(lines[++i].slice(10));
      step.run = block.join('\n').trimEnd() + '\n';
    } else {
      step[key as keyof Step] = value;
    }
  }
  return jobs;
}

interface StepResult {
  step: Step;
  status: number | null;
  output: string;
}

/** Runs a job's run: steps as GitHub does (bash -eo pipefail), in order; a failure stops the rest unless `!cancelled()` or `always()`. */
async function runJob(job: Job, cwd: string, env: Record<string, string>): Promise<StepResult[]> {
  const results: StepResult[] = [];
  let failed = false;
  for (const step of job.steps) {
    if (!step.run) continue;
    // Installing clones the tool's repository over the network: here the tool is this build, given as POLYTOMIC_CLI.
    if (step.run.includes('git clone')) continue;
    // Posting the comment needs GitHub itself; the body it posts is checked instead.
    if (step.run.includes('gh pr comment')) continue;
    if (failed && step.if !== '${{ !cancelled() }}' && step.if !== 'always()') continue;
    const script = path.join(env.RUNNER_TEMP, `step-${results.length}.sh`);
    writeFileSync(script, step.run);
    const result = await new Promise<StepResult>((resolve, reject) => {
      const child = spawn('bash', ['--noprofile', '--norc', '-eo', 'pipefail', script], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
      let output = '';
      child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.on('error', reject);
      child.on('close', (status) => resolve({ step, status, output }));
    });
    results.push(result);
    if (result.status !== 0) failed = true;
  }
  return results;
}

function git(cwd: string, ...args: string[]): string {
  const result = spawnSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', ...args], { cwd, encoding: 'utf8' });
  assert.equal(result.status, 0, `git ${args.join(' ')}: ${result.stderr}`);
  return result.stdout;
}

/** A clone of a bare `main` holding `files`, pushed: what the apply job checks out and pushes to. */
function repositoryWith(files: Record<string, string>): { root: string; remote: string; work: string } {
  const root = mkdtempSync(path.join(os.tmpdir(), 'workflow-git-'));
  const remote = path.join(root, 'remote.git');
  git(root, 'init', '--quiet', '--bare', '-b', 'main', remote);
  git(root, 'clone', '--quiet', remote, 'work');
  const work = path.join(root, 'work');
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(work, name), text);
  git(work, 'add', '.');
  git(work, 'commit', '--quiet', '-m', 'connections');
  git(work, 'push', '--quiet', '-u', 'origin', 'main');
  return { root, remote, work };
}

const ORDERS = '{\n  "name": "Orders",\n  "type": "postgresql",\n  "configuration": {\n    "hostname": "orders.example.com",\n    "port": 5432,\n    "database": "app",\n    "username": "polytomic",\n    "password": "${env:PG_PASSWORD}"\n  }\n}\n';
const CRM = '{\n  "name": "CRM",\n  "type": "affinity",\n  "configuration": { "api_key": "${env:AFFINITY_KEY}" }\n}\n';

describe('the GitHub Actions workflow (docs/github-actions/polytomic.yml)', () => {
  const jobs = parseJobs(WORKFLOW);
  let emulator: RunningEmulator;
  let runnerEnv: Record<string, string>;
  before(async () => {
    emulator = await startEmulator({ apiKeys: [KEY], catalogDir: SHARED_CATALOG });
    const runnerTemp = mkdtempSync(path.join(os.tmpdir(), 'runner-temp-'));
    runnerEnv = cleanEnv({
      POLYTOMIC_CLI: CLI_PATH,
      POLYTOMIC_API_KEY: KEY,
      POLYTOMIC_BASE_URL: emulator.url,
      RUNNER_TEMP: runnerTemp,
      GITHUB_ENV: path.join(runnerTemp, 'github-env'),
      PG_PASSWORD: 'workflow-pg-password',
      AFFINITY_KEY: 'workflow-affinity-key',
    });
  });
  afterEach(() => emulator.reset());
  after(() => emulator.close());

  test('its jobs: validate and plan on pull requests, apply on push; the key from a secret, every step installs this tool', () => {
    assert.deepEqual(Object.keys(jobs), ['validate', 'plan', 'apply']);
    assert.match(WORKFLOW, /^on:\n {2}pull_request:\n {2}push:\n {4}branches: \[main\]$/m);
    assert.equal(jobs.validate.if, "github.event_name == 'pull_request'");
    assert.match(jobs.plan.if ?? '', /^github\.event_name == 'pull_request' && github\.event\.pull_request\.head\.repo\.full_name == github\.repository$/);
    assert.equal(jobs.apply.if, "github.event_name == 'push'");
    for (const name of ['validate', 'plan', 'apply']) {
      assert.equal(jobs[name].env.POLYTOMIC_API_KEY, '${{ secrets.POLYTOMIC_API_KEY }}', name);
      assert.match(jobs[name].env.POLYTOMIC_BASE_URL, /^\$\{\{ vars\.POLYTOMIC_BASE_URL \|\| 'https:\/\/app\.polytomic\.com' \}\}$/, name);
      const install = jobs[name].steps.find((s) => s.run?.includes('git clone'));
      assert.ok(install?.run?.includes('&& npm ci)') && install.run.includes('POLYTOMIC_CLI=$RUNNER_TEMP/polytomic-cli/dist/cli.js'), name);
    }
    assert.ok(jobs.apply.steps.some((s) => s.run?.includes('apply --yes')));
    assert.ok(!/\$\{\{[^}]*\}\}/.test(jobs.apply.steps.map((s) => s.run ?? '').join('\n')), 'no expression inside a run: script (injection)');
  });

  test('validate: annotations for a broken file and a failed step; a clean folder passes, online with the key', async () => {
    const broken = tempFolder({ 'orders.polytomic.json': ORDERS.replace('5432', '"5432x"'), 'crm.polytomic.json': CRM });
    const [failing] = await runJob(jobs.validate, broken, runnerEnv);
    assert.equal(failing.status, 1);
    assert.match(failing.output, /^::error file=orders\.polytomic\.json,line=6,col=\d+,endLine=6,endColumn=\d+::`port` must be an integer \[wrong-type\]$/m);
    const clean = tempFolder({ 'orders.polytomic.json': ORDERS, 'crm.polytomic.json': CRM });
    const [passing] = await runJob(jobs.validate, clean, runnerEnv);
    assert.equal(passing.status, 0, passing.output);
    assert.match(passing.output, /^0 errors, 0 warnings in 2 files$/m, 'affinity is known only to the live catalog: --online was used');
    const [offline] = await runJob(jobs.validate, clean, { ...runnerEnv, POLYTOMIC_API_KEY: '' });
    assert.equal(offline.status, 1, 'without the key (a fork) the bundled catalog does not know affinity');
    assert.match(offline.output, /unknown connection type `affinity`/);
  });

  test('plan: the step passes with changes and writes the comment body; a file that cannot be applied fails it', async () => {
    const dir = tempFolder({ 'orders.polytomic.json': ORDERS });
    const [plan] = await runJob(jobs.plan, dir, runnerEnv);
    assert.equal(plan.status, 0, plan.output);
    const comment = readFileSync(path.join(runnerEnv.RUNNER_TEMP, 'plan-comment.md'), 'utf8');
    assert.match(comment, /^### Polytomic plan\n\n```\nPlan for profile "default" at http:\/\/127\.0\.0\.1:\d+:\n/);
    assert.match(comment, /^ {2}\+ create {4}Orders \(postgresql\)\s+orders\.polytomic\.json$/m);
    assert.match(comment, /^Plan: 1 to create\.\n```\n$/m);
    assert.ok(!comment.includes(KEY) && !comment.includes('workflow-pg-password'));
    // In the log the plan is between ::stop-commands::TOKEN and ::TOKEN:: (a random token), where the runner runs no command.
    const fenced = /^::stop-commands::([0-9a-f]{32})\n([\s\S]*)\n::\1::$/m.exec(plan.output);
    assert.ok(fenced && fenced[2].includes('+ create    Orders'), plan.output);

    const blocked = tempFolder({ 'orders.polytomic.json': ORDERS.replace('5432', '"x"') });
    const [failing] = await runJob(jobs.plan, blocked, runnerEnv);
    assert.equal(failing.status, 1);
    assert.match(readFileSync(path.join(runnerEnv.RUNNER_TEMP, 'plan-comment.md'), 'utf8'), /! blocked {3}Orders/);
  });

  test('plan: a plan too long for a comment is cut at a line within 60,000 bytes and says where the whole one is', async () => {
    const folder = 'connections/a-rather-long-folder-name-for-the-team-that-owns-these-connections';
    const files: Record<string, string> = {};
    for (let i = 0; i < 360; i++) files[`${folder}/connection-number-${String(i).padStart(4, '0')}-with-a-long-file-name.polytomic.json`] = ORDERS.replace('"Orders"', `"Orders ${i} \`\`\`not a fence\`\`\`"`);
    const dir = tempFolder(files);
    const [plan] = await runJob(jobs.plan, dir, runnerEnv);
    assert.equal(plan.status, 0, plan.output.slice(-2000));
    const full = readFileSync(path.join(runnerEnv.RUNNER_TEMP, 'plan.txt'), 'utf8');
    assert.ok(Buffer.byteLength(full) > 60_000, `${Buffer.byteLength(full)} bytes`);
    const comment = readFileSync(path.join(runnerEnv.RUNNER_TEMP, 'plan-comment.md'), 'utf8');
    assert.ok(comment.length < 65_536, `${comment.length} characters`);
    assert.ok(comment.startsWith('### Polytomic plan\n\n````\nPlan for profile'), 'a fence longer than the backticks in the names');
    const match = /^````\n([\s\S]*)\n````\n\nThe plan \((\d+) bytes\) was cut here to fit a comment: the whole plan is in the log of this job's Plan step\.\n$/m.exec(comment.slice(comment.indexOf('\n````\n')  + 1));
    assert.ok(match, comment.slice(-400));
    assert.equal(Number(match[2]), Buffer.byteLength(full));
    assert.ok(full.startsWith(match[1] + '\n'), 'cut at the end of a line');
    assert.ok(Buffer.byteLength(match[1]) <= 60_000);
    assert.ok(plan.output.includes(full.split('\n').slice(-3).join('\n')), 'the whole plan is in the log');
  });

  test('apply on push: connections created, their ids committed and pushed; the next run changes nothing', async () => {
    const { remote, work } = repositoryWith({ 'orders.polytomic.json': ORDERS, 'crm.polytomic.json': CRM });

    const results = await runJob(jobs.apply, work, runnerEnv);
    assert.deepEqual(results.map((r) => [r.step.name, r.status]), [['Validate connection files', 0], ['Apply', 0], ['Commit the ids of created connections', 0]], results.map((r) => r.output).join('\n'));
    assert.equal(emulator.state.connections.size, 2);
    assert.match(results[1].output, /^::stop-commands::([0-9a-f]{32})\n[\s\S]*^created {2}Orders[\s\S]*\n::\1::\n$/m, 'apply prints between stop-commands too');
    assert.equal(git(remote, 'log', '-1', '--format=%s', 'main').trim(), 'Polytomic: ids of created connections');
    const pushed = JSON.parse(git(remote, 'show', 'main:orders.polytomic.json')) as { id?: string };
    assert.ok(emulator.state.connections.has(pushed.id ?? ''), 'the pushed file holds the created id');
    assert.ok(!git(remote, 'ls-tree', '-r', '--name-only', 'main').includes('.polytomic/'), 'the state folder is not committed');
    assert.ok(existsSync(path.join(work, '.polytomic', 'create-keys.json')), 'the state the cache step saves');

    const again = await runJob(jobs.apply, work, runnerEnv);
    assert.deepEqual(again.map((r) => r.status), [0, 0, 0]);
    assert.match(again[1].output, /No changes: the files and Polytomic agree\./);
    assert.equal(git(remote, 'rev-list', '--count', 'main').trim(), '2', 'no empty commit');
    assert.equal(emulator.state.connections.size, 2);
  });

  test('apply on push: someone pushed to main meanwhile; the ids are rebased onto that and pushed; the cache is saved always', async () => {
    const { root, remote, work } = repositoryWith({ 'orders.polytomic.json': ORDERS });
    // After the job's checkout, another push lands on main: the job's own push is refused as not a fast-forward.
    git(root, 'clone', '--quiet', remote, 'other');
    const other = path.join(root, 'other');
    writeFileSync(path.join(other, 'README.md'), 'someone else\n');
    git(other, 'add', '.');
    git(other, 'commit', '--quiet', '-m', 'meanwhile');
    git(other, 'push', '--quiet');

    const results = await runJob(jobs.apply, work, runnerEnv);
    assert.deepEqual(results.map((r) => [r.step.name, r.status]), [['Validate connection files', 0], ['Apply', 0], ['Commit the ids of created connections', 0]], results.map((r) => r.output).join('\n'));
    assert.deepEqual(git(remote, 'log', '--format=%s', 'main').trim().split('\n'), ['Polytomic: ids of created connections', 'meanwhile', 'connections']);
    const pushed = JSON.parse(git(remote, 'show', 'main:orders.polytomic.json')) as { id?: string };
    assert.ok(emulator.state.connections.has(pushed.id ?? ''), 'the id reached main');

    const save = jobs.apply.steps.find((s) => s.uses === 'actions/cache/save@v4');
    assert.equal(save?.if, 'always()', 'the create keys are kept even when the job is cancelled');
    assert.equal(jobs.apply.steps.find((s) => s.name === 'Commit the ids of created connections')?.if, 'always()');
  });

  test('apply: a failed item fails the job, and the ids of the others are still committed', async () => {
    const { remote, work } = repositoryWith({
      'orders.polytomic.json': ORDERS,
      'other.polytomic.json': ORDERS.replace('Orders', 'Other').replace('${env:PG_PASSWORD}', '${env:NOT_IN_THE_WORKFLOW}'),
    });
    const results = await runJob(jobs.apply, work, runnerEnv);
    assert.deepEqual(results.map((r) => [r.step.name, r.status]), [['Validate connection files', 0], ['Apply', 1], ['Commit the ids of created connections', 0]]);
    assert.match(results[1].output, /^failed {3}Other \(other\.polytomic\.json\): nothing was sent: Missing environment variable NOT_IN_THE_WORKFLOW/m);
    const pushed = JSON.parse(git(remote, 'show', 'main:orders.polytomic.json')) as { id?: string };
    assert.ok(emulator.state.connections.has(pushed.id ?? ''));
  });
});
