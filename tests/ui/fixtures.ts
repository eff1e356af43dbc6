/**
 * What the records tests share: the tutorial as the browser's content, and a localStorage kept in memory whose
 * quota can be set to test a full storage.
 */
import { readScenario } from '../../src/cli/files.ts';
import type { Content } from '../../src/ui/kit/content.ts';

export const loaded = readScenario('tutorial');
export const { world } = loaded;
export const content: Content = {
  scenarios: [{ ok: true, file: 'scenarios/tutorial.yaml', loaded }],
  catalogueProblems: [],
  catalogue: null,
};

/** A localStorage in memory; past `quota` characters of keys and values, a write throws as a browser's does. */
export class MemoryStorage {
  items = new Map<string, string>();
  quota = Infinity;
  get length(): number {
    return this.items.size;
  }
  key(i: number): string | null {
    return [...this.items.keys()][i] ?? null;
  }
  getItem(k: string): string | null {
    return this.items.get(k) ?? null;
  }
  setItem(k: string, v: string): void {
    let used = 0;
    for (const [key, val] of this.items) if (key !== k) used += key.length + val.length;
    if (used + k.length + v.length > this.quota)
      throw new DOMException(
        "Failed to execute 'setItem' on 'Storage': exceeded the quota.",
        'QuotaExceededError',
      );
    this.items.set(k, v);
  }
  removeItem(k: string): void {
    this.items.delete(k);
  }
}
