// Searches texts for secrets, in the forms they could leak in: as written, base64 (an Authorization header's
// payload), URL-encoded and JSON-escaped. Returns where each hit was, never the secret itself.
export interface Haystack {
  where: string;
  text: string;
}

function forms(secret: string): string[] {
  return [...new Set([secret, Buffer.from(secret).toString('base64'), encodeURIComponent(secret), JSON.stringify(secret).slice(1, -1)])];
}

/** "where: secret #i (form)" for every hit; empty when nothing leaked. */
export function findSecrets(secrets: readonly string[], haystacks: readonly Haystack[]): string[] {
  const hits: string[] = [];
  secrets.forEach((secret, i) => {
    for (const form of forms(secret)) {
      for (const { where, text } of haystacks) if (text.includes(form)) hits.push(`${where}: secret #${i}${form === secret ? '' : ' (encoded)'}`);
    }
  });
  return hits;
}
