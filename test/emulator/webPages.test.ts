// "Open in Polytomic" against the emulator: /connections/<id> is a page that exists (the web app's stand-in).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { RunningEmulator } from '../../emulator/src/index';
import { API_KEY, start } from './harness';

describe('the web app page of a connection', () => {
  let emulator: RunningEmulator;
  before(async () => {
    emulator = await start({ seed: 'demo' });
  });
  after(() => emulator.close());

  test('names the connection, escaped, without an API key; an unknown id is a 404 page', async () => {
    const list = await fetch(`${emulator.url}/api/connections`, { headers: { authorization: `Bearer ${API_KEY}` } }).then((r) => r.json() as Promise<{ data: { id: string; name: string }[] }>);
    const [first] = list.data;
    const page = await fetch(`${emulator.url}/connections/${first.id}`);
    assert.equal(page.status, 200);
    assert.match(page.headers.get('content-type') ?? '', /text\/html/);
    assert.ok((await page.text()).includes(`<h1>${first.name.replace(/&/g, '&#38;')}</h1>`));
    const missing = await fetch(`${emulator.url}/connections/no-such-id`);
    assert.equal(missing.status, 404);
    assert.match(await missing.text(), /no connection <code>no-such-id<\/code>/);
  });
});
