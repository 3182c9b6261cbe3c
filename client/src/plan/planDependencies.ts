// The engine's plan dependencies as the extension provides them: schemas from the live catalog (bundled offline),
// the language server's own errors through polytomic/diagnoseText (the diagnostics an open document gets), placeholder
// values from the environment and secret storage, the fingerprints of what was last sent, and the log's scrubber.
import type { Connection } from '../../../core/src/api/types';
import { errorProblems, type FileProblem, type WorkspaceFile } from '../../../core/src/workspace/files';
import type { PlanDependencies } from '../../../core/src/workspace/plan';
import type { LiveCatalog } from '../catalog/liveCatalog';
import type { PolytomicLanguageClient } from '../languageClient';
import type { PolytomicOutput } from '../output';
import type { PlaceholderSecrets } from '../secrets/placeholderSecrets';

export interface PlanSources {
  catalog: LiveCatalog;
  secrets: PlaceholderSecrets;
  output: PolytomicOutput;
}

export interface PlanOptions {
  /** Checks each file with the language server (Plan Workspace); the tree's drift needs no verdict. */
  languageClient?: PolytomicLanguageClient;
  getConnection?(id: string, signal?: AbortSignal): Promise<Connection>;
}

export function planDependencies(sources: PlanSources, profileName: string, options: PlanOptions = {}): PlanDependencies {
  const { languageClient } = options;
  return {
    profileName,
    schemaFor: (typeId) => sources.catalog.schemaFor(typeId),
    validate: languageClient ? (file) => serverErrors(languageClient, file) : undefined,
    sources: sources.secrets.sources(),
    fingerprints: sources.secrets.fingerprints(),
    getConnection: options.getConnection,
    onResolvedValues: (values) => sources.output.addSecrets(values),
  };
}

/** The server's errors for the file, 1-based as an editor shows them. */
async function serverErrors(languageClient: PolytomicLanguageClient, file: WorkspaceFile): Promise<FileProblem[]> {
  return errorProblems(await languageClient.diagnoseText(file.path, file.text));
}
