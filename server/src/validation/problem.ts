// A problem found in a document, located by its JSON path; turned into an LSP Diagnostic (with a range) only at the end,
// so that offsets are computed for the failing paths alone.
import type { JSONPath } from 'jsonc-parser';
import type { Code } from '../diagnostics/codes';

export type Severity = 'error' | 'warning' | 'information';

/** Which part of the node at `path` the diagnostic covers. */
export type Target = 'value' | 'key';

export interface Problem {
  code: Code;
  severity: Severity;
  message: string;
  path: JSONPath;
  target: Target;
  data?: unknown;
}
