// Polytomic: Test Connection: POST /api/connections/test with the file's configuration; nothing is saved in Polytomic.
import { isPolytomicApiError } from '../../../core/src/api/errors';
import { withCancellableProgress } from '../progress';
import type { Services } from '../services';
import { prepareConnection } from './prepareBody';
import { fileTarget } from './target';

export interface TestResult {
  ok: boolean;
  message: string;
}

export async function testConnection(services: Services, arg?: unknown): Promise<TestResult | undefined> {
  const target = await fileTarget(services, arg);
  const prepared = await prepareConnection(services, target);
  const { profile, client } = await services.sessions.current();
  try {
    await withCancellableProgress(`Testing "${prepared.file.name}" against ${profile.name}`, (signal) =>
      client.testConnection({ type: prepared.file.type, configuration: prepared.configuration, ...(target.id ? { connection_id: target.id } : {}) }, signal),
    );
  } catch (error) {
    // A rejected configuration is the test's answer, not a failure of the command: say why, as a result.
    if (isPolytomicApiError(error) && (error.kind === 'bad_request' || error.kind === 'unprocessable')) {
      const message = `Connection test of "${prepared.file.name}" failed: ${services.output.scrub(error.message)}`;
      services.output.warn(message);
      void services.prompts.current.notify('error', message, 'Show Output').then((p) => p && services.output.show());
      return { ok: false, message };
    }
    throw error;
  }
  const message = `Connection test of "${prepared.file.name}" passed.`;
  services.output.info(message);
  void services.prompts.current.notify('info', message);
  return { ok: true, message };
}
