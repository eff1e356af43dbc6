/**
 * Text for a terminal. Titles, names and problem messages come from files anyone can write: an escape sequence
 * in a scenario's title could move the cursor, recolour or clear the screen, or hide a line. Control characters
 * (C0 and C1, DEL) and the bidirectional overrides are stripped; line breaks and tabs stay.
 *
 *     plain('The \u001b[2Jthaw') // 'The [2Jthaw'
 */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

export const plain = (text: string): string => text.replace(CONTROLS, '');

/** The most games one command plays: 100,000 take about an hour on one core (see BENCHMARKS.md). */
export const MAX_GAMES = 100_000;

/**
 * The process that started this one (bin/qpq.js, `npm run`'s shell, a terminal). When it is gone, this process has
 * been orphaned: `npm run` does not pass a signal on through its shell, and a wrapper killed with SIGKILL cannot,
 * so a long `simulate` would run on for nobody.
 */
// bin/qpq.js names itself, so that a wrapper killed while this process was still starting is noticed too.
const parent = Number(process.env.QPQ_WRAPPER_PID) || process.ppid;
// Not passed on: a process this one starts has a parent of its own.
delete process.env.QPQ_WRAPPER_PID;

/** Ends this process when whatever started it has ended. Cheap (one system call): called between games. */
export function exitIfOrphaned(): void {
  if (process.ppid !== parent) {
    process.stderr.write('qpq: the command that started this one has ended, so this one stops too.\n');
    process.exit(129);
  }
}

/** Checks for an orphaned process twice a second while this thread waits (on worker threads, for instance). */
export const watchParent = (): void => void setInterval(exitIfOrphaned, 500).unref();
