// A file to create whose name and type are those of a live connection no file holds (PlanItem.lookalikeIds) is most
// likely a create whose id never reached the file: in CI, an id that was never committed. Creating it again would
// make a second connection on every run, so apply holds such files back unless --allow-duplicate-name says otherwise;
// the question on a terminal lists them either way. A file whose create key is kept (.polytomic/create-keys.json: an
// earlier create of it whose answer was lost) is not held back: sending it again replays that create.
import type { ApplyItemResult } from '../../core/src/workspace/applyPlan';
import type { PlanItem } from '../../core/src/workspace/plan';
import { inertLine } from './inertLine';
import { PROGRAM } from './args';

export interface HeldBack {
  /** The items to send. */
  toApply: PlanItem[];
  /** The look-alike creates not sent, as skipped results. */
  held: ApplyItemResult[];
  /** Lines naming the look-alikes and what happens to them (shown before the question); '' when there are none. */
  notice: string;
}

function isLookalike(item: PlanItem, replays: (item: PlanItem) => boolean): boolean {
  return item.action === 'create' && (item.lookalikeIds?.length ?? 0) > 0 && !replays(item);
}

function described(item: PlanItem): string {
  return `${inertLine(item.name)} (${inertLine(item.file?.label ?? item.key)}): like id ${inertLine((item.lookalikeIds ?? []).join(', '))}`;
}

/** `replays`: whether the item's create key is kept, so that sending it replays an earlier create. */
export function holdBackLookalikes(items: readonly PlanItem[], allowDuplicateName: boolean, replays: (item: PlanItem) => boolean): HeldBack {
  const lookalikes = items.filter((item) => isLookalike(item, replays));
  if (lookalikes.length === 0) return { toApply: [...items], held: [], notice: '' };
  const count = lookalikes.length === 1 ? '1 file to create looks' : `${lookalikes.length} files to create look`;
  const lines = [
    '',
    `${count} like a connection of the same name and type that no file holds (most likely a create whose id never reached the file):`,
    ...lookalikes.map((item) => `  ${described(item)}`),
    allowDuplicateName
      ? '--allow-duplicate-name: they are created anyway, each a second connection of that name.'
      : `They are not created: pull each into its file (${PROGRAM} pull ID --file FILE), or pass --allow-duplicate-name to create them anyway.`,
  ];
  const notice = lines.join('\n') + '\n';
  if (allowDuplicateName) return { toApply: [...items], held: [], notice };
  const held = lookalikes.map(
    (item): ApplyItemResult => ({
      key: item.key,
      name: item.name,
      label: item.file?.label,
      action: item.action,
      outcome: 'skipped',
      reason: `like connection ${(item.lookalikeIds ?? []).join(', ')} (same name and type, in no file), most likely this file's own earlier create: not created. Pull it into the file (${PROGRAM} pull ${item.lookalikeIds?.[0]} --file ${item.file?.label}), or pass --allow-duplicate-name to create a second one`,
    }),
  );
  return { toApply: items.filter((item) => !lookalikes.includes(item)), held, notice };
}
