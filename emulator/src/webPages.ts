// The emulator's stand-in for the web app's connection page (/connections/<id>), so that "Open in Polytomic" against
// the emulator opens a page that exists. Plain HTML, every value escaped; no API key needed (a browser sends none).
import type { Services } from './services';

export interface WebPage {
  status: number;
  html: string;
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function webPage(services: Services, path: string): WebPage | undefined {
  const match = /^\/connections\/([^/]+)\/?$/.exec(path);
  if (!match) return undefined;
  let id: string;
  try {
    id = decodeURIComponent(match[1]);
  } catch {
    return undefined;
  }
  const connection = services.state.connections.get(id);
  const page = (title: string, body: string) =>
    `<!doctype html><html><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head><body><h1>${escapeHtml(title)}</h1>${body}<p><small>Polytomic API emulator: the web app's page for this connection.</small></p></body></html>`;
  if (!connection) return { status: 404, html: page('No such connection', `<p>The emulator has no connection <code>${escapeHtml(id)}</code>.</p>`) };
  return {
    status: 200,
    html: page(connection.name, `<p>Type: ${escapeHtml(connection.type_name)} (<code>${escapeHtml(connection.type)}</code>)</p><p>Id: <code>${escapeHtml(connection.id)}</code></p>`),
  };
}
