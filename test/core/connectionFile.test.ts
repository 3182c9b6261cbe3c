import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  applyEdits,
  detectFormatting,
  envelopeProblems,
  fileConnectionId,
  parseConnectionText,
  removeIdEdits,
  removePropertyEdits,
  setIdEdits,
} from '../../core/src/connectionFile';

const WITH_COMMENTS = `// warehouse connection
{
    "$schema": "https://polytomic-connections.dev/schemas/connection.schema.json",
    "name": "Warehouse", // shown in Polytomic
    "type": "postgresql",
    /* secrets come from the environment */
    "configuration": {
        "hostname": "db.example.com",
        "password": "\${env:PG_PASSWORD}",
    },
}
`;

describe('connection file edits', () => {
  test('setting the id keeps comments, trailing commas and indentation, and puts it after $schema', () => {
    const out = applyEdits(WITH_COMMENTS, setIdEdits(WITH_COMMENTS, 'abc-123'));
    assert.equal(
      out,
      WITH_COMMENTS.replace(
        '"$schema": "https://polytomic-connections.dev/schemas/connection.schema.json",\n',
        '"$schema": "https://polytomic-connections.dev/schemas/connection.schema.json",\n    "id": "abc-123",\n',
      ),
    );
    assert.equal(fileConnectionId(parseConnectionText(out).value), 'abc-123');
  });

  test('without $schema the id becomes the first key; an existing id is replaced in place', () => {
    const text = '{\n  "name": "A",\n  "type": "api",\n  "configuration": {}\n}\n';
    const first = applyEdits(text, setIdEdits(text, 'one'));
    assert.equal(first, '{\n  "id": "one",\n  "name": "A",\n  "type": "api",\n  "configuration": {}\n}\n');
    const second = applyEdits(first, setIdEdits(first, 'two'));
    assert.equal(second, first.replace('"one"', '"two"'));
  });

  test('removing the id leaves the rest untouched', () => {
    const withId = applyEdits(WITH_COMMENTS, setIdEdits(WITH_COMMENTS, 'abc'));
    assert.equal(applyEdits(withId, removeIdEdits(withId)), WITH_COMMENTS);
  });

  test('formatting is detected from the file: tabs, spaces, CRLF', () => {
    assert.deepEqual(detectFormatting('{\n\t"a": 1\n}'), { insertSpaces: false, tabSize: 4, eol: '\n' });
    assert.deepEqual(detectFormatting('{\r\n    "a": 1\r\n}'), { insertSpaces: true, tabSize: 4, eol: '\r\n' });
  });
});

describe('connection file reading', () => {
  test('syntax errors carry their line', () => {
    const parsed = parseConnectionText('{\n  "name": "A",\n  "type" "api"\n}');
    assert.equal(parsed.syntaxErrors[0]?.line, 3);
    assert.match(parsed.syntaxErrors[0]?.message ?? '', /ColonExpected/);
  });

  test('envelope problems name each missing or mistyped field', () => {
    assert.deepEqual(envelopeProblems({ name: '', type: 3, configuration: [] }), [
      '`name` must be a non-empty string',
      '`type` must be a connection type id such as "postgresql"',
      '`configuration` must be an object',
    ]);
    assert.deepEqual(envelopeProblems({ name: 'A', type: 'api', configuration: {} }), []);
    assert.deepEqual(envelopeProblems(undefined), ['the file is not a JSON object']);
  });

  test('an empty or non-string id is no id', () => {
    assert.equal(fileConnectionId({ id: '  ' }), undefined);
    assert.equal(fileConnectionId({ id: 42 }), undefined);
  });
});

describe('removing a property keeps the comments around it', () => {
  const remove = (text: string, path: string[]) => applyEdits(text, removePropertyEdits(text, path));

  test('a first property with a comment after it', () => {
    const text = '{\n  "id": "x",\n  // gone from Polytomic\n  "name": "A"\n}\n';
    assert.equal(remove(text, ['id']), '{\n  // gone from Polytomic\n  "name": "A"\n}\n');
  });

  test('a last property: the comma before it goes, a comment before it stays', () => {
    const text = '{\n  "name": "A",\n  // the id\n  "id": "x"\n}\n';
    assert.equal(remove(text, ['id']), '{\n  "name": "A"\n  // the id\n}\n');
    const plain = '{\n  "name": "A",\n  "id": "x"\n}\n';
    assert.equal(remove(plain, ['id']), '{\n  "name": "A"\n}\n');
  });

  test('a property sharing its line, and a nested one', () => {
    assert.equal(remove('{ "id": "x", "name": "A" }', ['id']), '{ "name": "A" }');
    const nested = '{\n  "configuration": {\n    "a": 1, // keep\n    "b": 2\n  }\n}\n';
    assert.equal(remove(nested, ['configuration', 'b']), '{\n  "configuration": {\n    "a": 1 // keep\n  }\n}\n');
    assert.equal(remove(nested, ['configuration', 'missing']), nested);
  });
});
