// Polytomic: Test Connection: POST /api/connections/test with the file's configuration (saved first, like every
// command that sends a file); nothing is saved in Polytomic. A failure says what Polytomic said about the upstream and
// marks the field it names in the editor until that field is edited.
import { isPolytomicApiError } from '../../../core/src/api/errors';
import { describeTestFailure } from '../../../core/src/testFailure';
import { withCancellableProgress } from '../progress';
import type { Services } from '../services';
import { TestDiagnostics } from '../testDiagnostics';
import { prepareConnection } from './prepareBody';
import { fileTarget } from './target';

export interface TestResult {
  ok: boolean;
  message: string;
  /** The configuration fields the failure named (marked in the editor). */
  fields?: string[];
}

let marks: TestDiagnostics | undefined;

function testMarks(services: Services): TestDiagnostics {
  if (!marks) {
    marks = new TestDiagnostics();
    services.context.subscriptions.push(marks, { dispose: () => (marks = undefined) });
  }
  return marks;
}

export async function testConnection(services: Services, arg?: unknown): Promise<TestResult | undefined> {
  const target = await fileTarget(services, arg);
  const prepared = await prepareConnection(services, target);
  const { profile, client } = await services.sessions.current();
  testMarks(services).clear(target.document.uri);
  try {
    await withCancellableProgress(`Testing "${prepared.file.name}" against ${profile.name}`, (signal) =>
      client.testConnection({ type: prepared.file.type, configuration: prepared.configuration, ...(target.id ? { connection_id: target.id } : {}) }, signal),
    );
  } catch (error) {
    // A rejected configuration is the test's answer, not a failure of the command: say why, as a result.
    if (isPolytomicApiError(error) && (error.kind === 'bad_request' || error.kind === 'unprocessable')) {
      const failure = describeTestFailure(error.serverMessage, error.fieldErrors, prepared.file.configuration);
      const reason = services.output.scrub(failure.reason);
      const message = `Connection test of "${prepared.file.name}" failed: Polytomic says ${reason}${failure.fields.length > 0 ? ` (marked in ${target.label})` : ''}.`;
      services.output.warn(`${message} (${error.status ?? ''} ${error.method} ${error.path})`);
      testMarks(services).show(target.document, failure.fields, reason);
      void services.prompts.current.notify('error', message, 'Show Output').then((p) => p && services.output.show());
      return { ok: false, message, fields: failure.fields };
    }
    throw error;
  }
  const message = `Connection test of "${prepared.file.name}" passed.`;
  services.output.info(message);
  void services.prompts.current.notify('info', message);
  return { ok: true, message };
}
