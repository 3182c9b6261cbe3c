// Shape checks for successful responses: a 2xx that does not hold what the endpoint promises is a bad_response,
// reported with what was wrong rather than failing later somewhere in the UI.

/** Returns what is wrong with a value, or undefined when it has the expected shape. */
export type ShapeCheck = (value: unknown) => string | undefined;

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

export const checkObject: ShapeCheck = (value) =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? undefined : `expected an object, got ${describe(value)}`;

export const checkConnection: ShapeCheck = (value) => {
  const notObject = checkObject(value);
  if (notObject) return `expected a connection object, got ${describe(value)}`;
  const record = value as Record<string, unknown>;
  if (typeof record.id !== 'string' || record.id === '') return 'the connection has no "id"';
  if (typeof record.name !== 'string') return `connection ${record.id} has no "name"`;
  return undefined;
};

function checkList(value: unknown, item: ShapeCheck, what: string): string | undefined {
  if (!Array.isArray(value)) return `expected a list of ${what}, got ${describe(value)}`;
  for (let i = 0; i < value.length; i++) {
    const problem = item(value[i]);
    if (problem) return `item ${i}: ${problem}`;
  }
  return undefined;
}

export const checkConnections: ShapeCheck = (value) => checkList(value, checkConnection, 'connections');

export const checkConnectionType: ShapeCheck = (value) => {
  if (checkObject(value)) return `expected a connection type object, got ${describe(value)}`;
  const record = value as Record<string, unknown>;
  if (typeof record.id !== 'string' || record.id === '') return 'the connection type has no "id"';
  if (typeof record.name !== 'string') return `connection type ${record.id} has no "name"`;
  return undefined;
};

export const checkConnectionTypes: ShapeCheck = (value) => checkList(value, checkConnectionType, 'connection types');
