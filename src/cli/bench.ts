export function runBench(_args: string[]): number { return 0; }
