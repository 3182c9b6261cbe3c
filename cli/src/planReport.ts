// How plan (and apply, before it asks) prints a plan: Terraform-like text, or JSON. Only what the engine's items say
// (actions, field paths, notes, reasons, placeholder names): never a live configuration, which can hold nested
// secrets in clear, and never a resolved value. Every piece from a file or the API passes inertLine (no control
// character, no line break).
import type { PlaceholderUse } from '../../core/src/placeholders';
import { planHasChanges, planSummary, type Plan, type PlanAction, type PlanItem } from '../../core/src/workspace/plan';
import { inertLine } from './inertLine';

export const PLAN_FORMATS = ['human', 'json'] as const;
export type PlanFormat = (typeof PLAN_FORMATS)[number];

const SYMBOL: Record<PlanAction, string> = {
  create: '+',
  update: '~',
  blocked: '!',
  duplicate: '!',
  stale: '?',
  unchanged: '=',
  unmanaged: '·',
};

/** Items that keep the plan from applying whole: fix them first (exit 1). */
export function planProblems(plan: Plan): number {
  return plan.counts.blocked + plan.counts.duplicate + plan.counts.stale;
}

/** The title column's width at most: a long name must not pad every line of a plan (a PR comment holds 65,536 characters). */
export const TITLE_WIDTH = 48;

function title(item: PlanItem): string {
  const text = inertLine(item.type ? `${item.name} (${item.type})` : item.name);
  const chars = [...text];
  return chars.length > TITLE_WIDTH ? chars.slice(0, TITLE_WIDTH - 1).join('') + '…' : text;
}

function where(item: PlanItem): string {
  return inertLine(item.file ? item.file.label : item.id ? `id ${item.id}` : '');
}

export interface PlanTextOptions {
  /** A line per live connection that no file holds (default: one count line for them all). */
  listUnmanaged?: boolean;
}

/** `describeMissing`: "Missing a, b." naming how each placeholder is set (SecretSources.describeMissing). */
export function formatPlanText(plan: Plan, target: string, describeMissing: (missing: PlaceholderUse[]) => string, options: PlanTextOptions = {}): string {
  const lines = [`Plan for profile "${inertLine(plan.profileName)}" at ${inertLine(target)}:`, ''];
  const listed = plan.items.filter((i) => i.action !== 'unchanged' && (options.listUnmanaged || i.action !== 'unmanaged'));
  const width = Math.max(0, ...listed.map((i) => [...title(i)].length));
  for (const item of listed) {
    const shown = title(item);
    lines.push(`  ${SYMBOL[item.action]} ${item.action.padEnd(9)} ${shown}${' '.repeat(width - [...shown].length)}  ${where(item)}`.trimEnd());
    for (const change of item.changes) lines.push(`        ~ ${inertLine(change.path)}: ${inertLine(change.note)}`);
    if (item.action === 'update' || item.action === 'create') {
      // A placeholder without a value is said once, on the "needs" line, with the variable that sets it.
      const missingPaths = new Set(item.missing.map((m) => m.path));
      for (const unknown of item.unknown) if (!missingPaths.has(unknown.path)) lines.push(`        ? ${inertLine(unknown.path)}: ${inertLine(unknown.note)}`);
    }
    if (item.missing.length > 0) lines.push(`        needs ${inertLine(missingText(item.missing, describeMissing))}`);
    if (item.reason && item.action !== 'unmanaged') lines.push(`        ${inertLine(item.reason)}`);
  }
  if (listed.length > 0) lines.push('');
  lines.push(`Plan: ${planSummary(plan.counts)}.`);
  if (!planHasChanges(plan)) lines.push('No changes: the files and Polytomic agree.');
  if (plan.counts.unmanaged > 0) {
    const list = options.listUnmanaged ? '' : '; "plan --list-unmanaged" lists them';
    lines.push(`${plan.counts.unmanaged} live connection${plan.counts.unmanaged === 1 ? ' is' : 's are'} in no file: "import --into DIR" writes files for them${list}.`);
  }
  return lines.join('\n') + '\n';
}

function missingText(missing: PlaceholderUse[], describeMissing: (missing: PlaceholderUse[]) => string): string {
  // describeMissing says "Missing a, b." as a sentence; here it follows "needs".
  return describeMissing(missing).replace(/^Missing /, '').replace(/\.$/, '');
}

export function planJson(plan: Plan, target: string): string {
  const items = plan.items.map((item) => ({
    action: item.action,
    name: item.name,
    type: item.type ?? null,
    file: item.file?.label ?? null,
    id: item.id ?? null,
    reason: item.reason ?? null,
    // A create only: live connections of its name and type that no file holds (apply holds it back).
    lookalikeIds: item.lookalikeIds ?? [],
    changes: item.changes,
    unknown: item.unknown,
    missing: item.missing.map((m) => ({ kind: m.kind, name: m.name, path: m.path })),
  }));
  const value = { profile: plan.profileName, baseUrl: target, summary: planSummary(plan.counts), changes: planHasChanges(plan), counts: plan.counts, items };
  return JSON.stringify(value, null, 2) + '\n';
}
