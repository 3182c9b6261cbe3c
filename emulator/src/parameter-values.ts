// Plausible parameter values from a field's schema: its enum (with labels), else its examples, else its default.
// Fields that the real API completes from the upstream (completions, hierarchyCompletion) get examples too.
import { propertiesOf, type SchemaNode } from './dialect';

export interface ParameterValue {
  label: string;
  value: unknown;
}

export interface FieldValues {
  allows_creation: boolean;
  values: ParameterValue[];
}

function labelFor(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

export function valuesForField(field: SchemaNode, query?: string): FieldValues {
  let values: ParameterValue[];
  if (Array.isArray(field.enum)) {
    const labels = Array.isArray(field['x-enum-labels']) ? (field['x-enum-labels'] as unknown[]) : [];
    values = field.enum.map((value, i) => ({ value, label: typeof labels[i] === 'string' ? (labels[i] as string) : labelFor(value) }));
  } else if (Array.isArray(field.examples) && field.examples.length > 0) {
    values = field.examples.map((value) => ({ value, label: labelFor(value) }));
  } else if (field.default !== undefined) {
    values = [{ value: field.default, label: labelFor(field.default) }];
  } else {
    values = [];
  }
  if (query) {
    const needle = query.toLowerCase();
    values = values.filter((v) => v.label.toLowerCase().includes(needle) || labelFor(v.value).toLowerCase().includes(needle));
  }
  return { allows_creation: false, values };
}

/** The fields a connection's parameter_values answer covers: those with a fixed or completed set of values. */
export function valueFieldsOf(schema: SchemaNode): string[] {
  return Object.entries(propertiesOf(schema))
    .filter(([, f]) => Array.isArray(f.enum) || f.completions !== undefined || f.hierarchyCompletion !== undefined)
    .map(([name]) => name);
}
