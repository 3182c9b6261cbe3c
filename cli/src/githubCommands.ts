// GitHub Actions workflow commands (::error file=...::message). The runner decodes %25, %0D and %0A in the message,
// and additionally %3A and %2C in property values, whose ":" and "," would otherwise end the value.

export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export type AnnotationLevel = 'error' | 'warning' | 'notice';

/** One annotation line; properties in the order given, each escaped. */
export function workflowCommand(level: AnnotationLevel, properties: [string, string | number][], message: string): string {
  const props = properties.map(([name, value]) => `${name}=${escapeProperty(String(value))}`).join(',');
  return `::${level}${props ? ` ${props}` : ''}::${escapeData(message)}`;
}
