// GET /logos/{type}.svg: the logo that the type list's `logo_url` points at, drawn from the type's name (the emulator
// has no artwork of Polytomic's). Public, like the images of the real app.
import { notFound } from '../api-error';
import type { Route } from '../router';
import type { Services } from '../services';

function initials(name: string): string {
  const words = name.split(/[^A-Za-z0-9]+/).filter((w) => w !== '');
  const letters = words.length > 1 ? words[0][0] + words[1][0] : (words[0] ?? '?').slice(0, 2);
  return letters.toUpperCase();
}

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function logoSvg(name: string): string {
  return (
    '<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64" viewBox="0 0 64 64">' +
    `<title>${escapeXml(name)}</title><rect width="64" height="64" rx="12" fill="#4b5bdc"/>` +
    `<text x="32" y="41" font-family="sans-serif" font-size="24" fill="#fff" text-anchor="middle">${escapeXml(initials(name))}</text></svg>`
  );
}

export function logoRoutes(services: Services): Route[] {
  return [
    {
      method: 'GET',
      pattern: /^\/logos\/([^/]+)\.svg$/,
      requiresAuth: () => false,
      handler: (ctx) => {
        const entry = services.catalog.get(ctx.params[0]);
        if (!entry) throw notFound('connection type', ctx.params[0]);
        return { status: 200, raw: { contentType: 'image/svg+xml', text: logoSvg(entry.name) } };
      },
    },
  ];
}
