// The Plan view's words and shapes, computed from a plan: groups in the plan's order with their titles, one line per
// item, the lines of an apply's details, where a file's id sits (for the duplicate-id warning). Pure, no vscode import:
// node tests run it directly.
import { findNodeAtLocation, parseTree } from 'jsonc-parser';
import type { ApplyItemResult } from '../../../core/src/workspace/applyPlan';
import { PLAN_ACTIONS, type Plan, type PlanAction, type PlanItem } from '../../../core/src/workspace/plan';
import type { PlaceholderUse } from '../../../core/src/placeholders';

export const GROUP_TITLES: Record<PlanAction, string> = {
  create: 'To create',
  update: 'To update',
  blocked: 'Blocked',
  duplicate: 'Duplicate',
  stale: 'Stale',
  unchanged: 'Unchanged',
  unmanaged: 'Unmanaged',
};

export interface PlanGroup {
  action: PlanAction;
  title: string;
  items: PlanItem[];
}

/** The plan's non-empty groups, in the plan's order. */
export function planGroups(plan: Plan): PlanGroup[] {
  return PLAN_ACTIONS.map((action) => ({ action, title: GROUP_TITLES[action], items: plan.items.filter((i) => i.action === action) })).filter(
    (g) => g.items.length > 0,
  );
}

const MAX_CHANGES = 3;

/** What applying the item would do, in a few words: "port: 5432 → 5433; password: changed since the last apply". */
export function changeSummary(item: PlanItem): string {
  if (item.action === 'create') {
    const base = item.missing.length > 0 ? `new; needs ${missingNames(item.missing)}` : 'new connection';
    // The engine's warning that a connection of this name and type exists with no file (plan.ts noteLookalikes).
    return item.reason ? `${base}; ${item.reason}` : base;
  }
  if (item.action !== 'update' && item.action !== 'unchanged') return item.reason ?? '';
  const listed = item.changes.slice(0, MAX_CHANGES).map((c) => `${c.path.replace(/^configuration\./, '')}: ${c.note}`);
  const more = item.changes.length > MAX_CHANGES ? ` (and ${item.changes.length - MAX_CHANGES} more)` : '';
  const text = listed.join('; ') + more;
  if (item.action === 'unchanged') return item.unknown.length > 0 ? `matches; not known: ${item.unknown.map((u) => u.path.replace(/^configuration\./, '')).join(', ')}` : 'matches';
  return item.missing.length > 0 ? `${text}; needs ${missingNames(item.missing)}` : text;
}

function missingNames(missing: PlaceholderUse[]): string {
  return [...new Set(missing.map((m) => m.name))].join(', ');
}

/** The item's line in the view, after its name: the file (or the live connection's type) and what it needs. */
export function itemDescription(item: PlanItem, unsaved: boolean): string {
  const where = item.file?.label ?? [item.type, item.id].filter(Boolean).join(' · ');
  const note = unsaved
    ? 'unsaved changes not planned'
    : item.action === 'update'
      ? changeSummary(item)
      : item.action === 'blocked' || item.action === 'stale' || item.action === 'duplicate'
        ? shortReason(item)
        : item.action === 'create' && item.reason
          ? 'a connection of this name has no file: Pull it instead?'
          : '';
  return note ? `${where} · ${note}` : where;
}

/** A reason's first clause (the tooltip has all of it). */
function shortReason(item: PlanItem): string {
  const reason = item.reason ?? '';
  const cut = reason.search(/: (fix it|an update|it was deleted)/);
  return cut > 0 ? reason.slice(0, cut) : reason;
}

/** One line per failed or skipped item, for the Output channel. */
export function resultLines(results: readonly ApplyItemResult[]): string[] {
  return results
    .filter((r) => r.outcome !== 'done')
    .map((r) => `${r.outcome}: ${r.action} "${r.name}"${r.label ? ` (${r.label})` : ''}: ${r.reason ?? 'no reason given'}`);
}

/** "Apply 2 creates and 3 updates". */
export function applyWords(items: readonly PlanItem[]): string {
  const creates = items.filter((i) => i.action === 'create').length;
  const updates = items.filter((i) => i.action === 'update').length;
  const parts = [creates > 0 ? `${creates} create${creates === 1 ? '' : 's'}` : '', updates > 0 ? `${updates} update${updates === 1 ? '' : 's'}` : ''];
  return parts.filter(Boolean).join(' and ');
}

/**
 * Asks for missing placeholder values at most once per name over one apply, one question at a time (items are
 * applied concurrently; two input boxes at once would replace each other). Resolves true when a value was given for
 * any of `missing`, so the caller resolves again.
 */
export function askOncePerName(ask: (missing: PlaceholderUse) => Promise<boolean>): (missing: PlaceholderUse[]) => Promise<boolean> {
  const asked = new Map<string, Promise<boolean>>();
  let queue: Promise<unknown> = Promise.resolve();
  return async (missing) => {
    const answers: Promise<boolean>[] = [];
    for (const use of missing) {
      const name = `${use.kind}:${use.name}`;
      let answer = asked.get(name);
      if (!answer) {
        answer = queue.then(() => ask(use)).catch(() => false);
        asked.set(name, answer);
        queue = answer;
      }
      answers.push(answer);
    }
    return (await Promise.all(answers)).some(Boolean);
  };
}

/** Where the top-level `id` value is in a file's text (offset and length), if it has one. */
export function idValueSpan(text: string): { offset: number; length: number } | undefined {
  const root = parseTree(text, [], { allowTrailingComma: true, disallowComments: false });
  const node = root ? findNodeAtLocation(root, ['id']) : undefined;
  return node ? { offset: node.offset, length: node.length } : undefined;
}

/** The duplicate-id warning of one holder, naming the others. */
export function duplicateIdMessage(id: string, others: readonly string[]): string {
  const names = others.join(', ');
  return (
    `${names} also ${others.length === 1 ? 'holds' : 'hold'} connection id ${id}: an update from either file overwrites the other's connection. ` +
    'Remove the id from the copy (it is then created as a connection of its own) or delete the copy.'
  );
}
