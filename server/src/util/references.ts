// `${env:NAME}` and `${secret:NAME}`: resolved by the client when it sends the file; valid wherever a string is.

export const REFERENCE_PATTERN = /^\$\{(env|secret):[A-Za-z_][A-Za-z0-9_.-]*\}$/;

export function isReference(value: unknown): value is string {
  return typeof value === 'string' && REFERENCE_PATTERN.test(value);
}
