// The shape of one benchmark run, as written to bench/results.json.
import type { ActivationResult } from './activationBench';
import type { ApiClientRow } from './apiClientBench';
import type { ArtifactsResult } from './artifactsBench';
import type { CatalogColdResult } from './catalogColdBench';
import type { CatalogTypesResult } from './catalogTypesBench';
import type { CompletionResult } from './completionBench';
import type { LatencyResult } from './latencyBench';
import type { Machine } from './machine';
import type { MemoryResult } from './memoryBench';
import type { RoundTripRow } from './roundTripBench';
import type { Summary } from './stats';
import type { TargetCheck } from './targets';
import type { ValidationRow } from './validationBench';
import type { WorkspaceResult } from './workspaceBench';

export interface Results {
  machine: Machine;
  /** Sections that could not be measured in this run, with why. */
  skipped: Record<string, string>;
  validation: ValidationRow[];
  catalogTypes?: CatalogTypesResult;
  completion?: CompletionResult;
  roundTrip?: RoundTripRow[];
  /** A request answered at once over the same connection: the transport and scheduling alone. */
  protocolBaseline?: Summary;
  debounceMs: number;
  /** Diagnostics latency over stdio, side by side with the floor and vscode-json-languageservice. */
  latency?: LatencyResult;
  catalogCold?: CatalogColdResult;
  memory?: MemoryResult;
  activation?: ActivationResult;
  artifacts?: ArtifactsResult;
  apiClient?: ApiClientRow[];
  /** The folder-level engine with 1,000 files and connections: plan, apply, import, memory. */
  workspace?: WorkspaceResult;
  targets: TargetCheck[];
}
