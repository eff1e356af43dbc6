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
