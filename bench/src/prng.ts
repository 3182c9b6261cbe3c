// Seeded draws so that every run builds byte-identical documents. The generator itself is the emulator's
// (mulberry32), shared rather than written again.
import { createRandom, type Random } from '../../emulator/src/prng';

export type { Random };
export const seededRandom = createRandom;

const ALPHABET = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

export function randomToken(random: Random, length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += ALPHABET[Math.floor(random() * ALPHABET.length)];
  return out;
}
