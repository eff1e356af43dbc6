import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GUIDE_MARKER, generatedFiles } from '../../src/cli/schema.ts';
import { ROOT } from '../../src/cli/files.ts';

describe('generated files', () => {
  it.each(generatedFiles().map((f) => [relative(ROOT, f.path), f] as const))(
    '%s is up to date (regenerate with: npm run qpq -- schema)',
    (_name, f) => {
      expect(readFileSync(f.path, 'utf8') === f.text).toBe(true);
    },
  );

  it("the instructor's guide documents every top-level field of the format", () => {
    const guide = readFileSync(generatedFiles().at(-1)!.path, 'utf8');
    const reference = guide.slice(guide.indexOf(GUIDE_MARKER));
    for (const field of [
      'id',
      'title',
      'actors',
      'relations',
      'flashpoints',
      'events',
      'outcomes',
      'rules',
      'hawkishness',
      'term-ends',
      'on-clash',
    ])
      expect(reference).toContain(`\`${field}\``);
  });
});
