/** The action catalogue shares the checker: a duplicated action id and a misspelt field are placed and named. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CATALOGUE_FILE } from '../../src/cli/files.ts';
import { parseCatalogue } from '../../src/scenario/index.ts';

const text = readFileSync(CATALOGUE_FILE, 'utf8');
const lineOf = (t: string, needle: string): number => t.slice(0, t.indexOf(needle)).split('\n').length;

describe('catalogue checks', () => {
  it('accepts the default catalogue', () => {
    expect(parseCatalogue('default.yaml', text).problems).toEqual([]);
  });

  it('reports an action id used twice, at the second one', () => {
    const broken = text.replace('  - id: cultural-exchange', '  - id: humanitarian-aid');
    const { value, problems } = parseCatalogue('default.yaml', broken);
    expect(value).toBeNull();
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ line: lineOf(text, '  - id: cultural-exchange'), column: 9 });
    expect(problems[0]!.message).toMatch(
      /^actions › humanitarian-aid › id: "humanitarian-aid" is used by another action already \(action #1\)/,
    );
  });

  it('reports a misspelt field with a suggestion', () => {
    const broken = text.replace('    visibility: public', '    visibilty: public');
    const { problems } = parseCatalogue('default.yaml', broken);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ line: lineOf(text, '    visibility: public'), column: 5 });
    expect(problems[0]!.message).toBe(
      'actions › humanitarian-aid › visibilty: this field is not part of the format. Did you mean "visibility"?',
    );
  });

  it('explains an empty catalogue file in catalogue terms', () => {
    expect(parseCatalogue('c.yaml', '').problems[0]!.message).toContain(
      'a catalogue starts with fields such as catalogue:',
    );
  });
});
