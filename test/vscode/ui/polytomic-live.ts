// What someone else does in Polytomic meanwhile (a colleague in the web app): calls to the round's emulator with its
// key, behind the editor's back. The key never goes into a message.

/** The API version whose update is PUT (the extension's default). */
const API_VERSION = '2025-09-18';

export class PolytomicLive {
  constructor(
    private readonly url: string,
    private readonly apiKey: string,
  ) {}

  /** Changes fields of a live connection's configuration, keeping the rest as it is (an update replaces the whole). */
  async changeConfiguration(id: string, changes: Record<string, unknown>): Promise<void> {
    const { data } = (await this.call('GET', `/api/connections/${encodeURIComponent(id)}`)) as { data: Record<string, unknown> };
    const { name, organization_id, policies, healthcheck_interval, configuration } = data;
    // Masked secrets are sent back masked: Polytomic keeps the stored ones.
    await this.call('PUT', `/api/connections/${encodeURIComponent(id)}`, {
      name,
      organization_id,
      policies,
      healthcheck_interval,
      configuration: { ...(configuration as Record<string, unknown>), ...changes },
    });
  }

  private async call(method: string, path: string, body?: unknown): Promise<unknown> {
    const response = await fetch(`${this.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${this.apiKey}`, 'content-type': 'application/json', 'x-polytomic-version': API_VERSION },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path} on the emulator answered ${response.status}: ${text.slice(0, 300)}`);
    return text ? JSON.parse(text) : undefined;
  }
}
