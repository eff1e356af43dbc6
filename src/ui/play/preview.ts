/**
 * The likely effects of an offer being composed, in words: the numbers come from the session's
 * `previewOffer` (computed on the state the player believes, built from its view alone); this turns them into
 * the composer's lines. No DOM here.
 *
 * @example
 *   const p = previewOffer(world, view, { terms, verification: 'partial', steps: 2, expires: 1 });
 *   previewLines(world, view.me, p); // ["You: Humanitarian aid → North Korea: your economy −2; …", …]
 */
import type { ActorId, World } from '../../engine/index.ts';
import type { Change, OfferPreview } from '../../session/index.ts';
import { VAR_LABELS, nameOf, termText } from '../kit/text.ts';

export { previewOffer } from '../../session/index.ts';
export type { Change, OfferPreview, TermPreview } from '../../session/index.ts';

// ---------------------------------------------------------------------------------------------
// Words

/** "+3", "−2", "−0.4": whole numbers, with one decimal below one. */
export function amount(x: number): string {
  const r = Math.abs(x) >= 0.95 ? Math.round(x) : Math.round(x * 10) / 10;
  const s = String(Math.abs(r));
  return r > 0 ? `+${s}` : r < 0 ? `−${s}` : '±0';
}

const possessive = (world: World, id: ActorId, me: ActorId): string =>
  id === me ? 'your' : `${nameOf(world, id)}’s`;

/** Changes in words, grouped by government: "your economy −2; North Korea’s economy +3, support +1; tension −1". */
export function changesText(world: World, me: ActorId, changes: readonly Change[]): string {
  const parts: string[] = [];
  const byActor = new Map<ActorId, string[]>();
  for (const c of changes)
    if (c.kind === 'var')
      byActor.set(c.actor, [
        ...(byActor.get(c.actor) ?? []),
        `${VAR_LABELS[c.var].toLowerCase()} ${amount(c.delta)}`,
      ]);
  const order = [me, ...world.actors.map((a) => a.id).filter((id) => id !== me)];
  for (const id of order) {
    const xs = byActor.get(id);
    if (xs) parts.push(`${possessive(world, id, me)} ${xs.join(', ')}`);
  }
  const other = (id: ActorId): string => (id === me ? 'you' : nameOf(world, id));
  for (const c of changes)
    switch (c.kind) {
      case 'tension':
        parts.push(`tension ${amount(c.delta)}`);
        break;
      case 'stage':
        parts.push(`peace process ${c.delta > 0 ? 'a stage forward' : 'a stage back'}`);
        break;
      case 'sanctions':
      case 'lifeline':
        parts.push(
          `${c.kind === 'sanctions' ? 'sanctions' : 'economic lifeline'} by ${other(c.from)} on ${other(c.to)} ${amount(c.delta)} level`,
        );
        break;
      case 'channel':
        parts.push(`${c.open ? 'opens' : 'closes'} a ${c.channel} between ${other(c.a)} and ${other(c.b)}`);
        break;
      case 'var':
        break;
    }
  return parts.length ? parts.join('; ') : 'no visible change';
}

const pct = (x: number): string => `${Math.round(x * 100)} %`;

/**
 * What the deal carried out in full does to the peace process, as a sentence: the view's `stage` is where it
 * stands now.
 */
export function processLine(world: World, p: OfferPreview, stage: number): string {
  const { rivals, upTo, because, step } = p.process;
  if (!rivals)
    return 'Carried out in full, it leaves the peace process alone: only deals between rivals move it.';
  if (upTo === null)
    return step
      ? 'Carried out in full, it can move the peace process a stage forward: it holds a real step, a concession on a programme or on security.'
      : 'Carried out in full, it can move the peace process a stage forward.';
  const why =
    because === 'security'
      ? 'in this scenario, security concessions without a step on a weapons programme go no higher'
      : 'without a concession on a weapons programme or on security, a deal goes no higher';
  const cap = `“${world.stages[upTo] ?? ''}”`;
  return stage >= upTo
    ? `Carried out in full, it will not move the peace process, already at ${cap} or past it: ${why}.`
    : `Carried out in full, it can move the peace process a stage forward, to ${cap} at most: ${why}.`;
}

/**
 * The preview as short sentences, one per line: each term, then signing, trust and verification, and, given the
 * stage the process stands at, what the deal carried out in full does to it.
 */
export function previewLines(
  world: World,
  me: ActorId,
  p: OfferPreview,
  steps = 1,
  stage?: number,
): string[] {
  const lines = p.terms.map((t) => `${termText(world, t.term, me)}: ${changesText(world, me, t.changes)}.`);
  const others = p.parties.filter((x) => x !== me);
  const round1 = (x: number): number => Math.max(0, Math.round(x * 10) / 10);
  if (p.mediated)
    lines.push(
      `You mediate: ${others.map((x) => `${nameOf(world, x)} pays about ${round1(p.signingCost[x]!)}`).join(', ')} support to sign (half price), and you gain ${world.rules.mediatorInfluence} influence.`,
    );
  else
    lines.push(
      `Signing costs you about ${round1(p.signingCost[me]!)} support at home` +
        (others.length
          ? ` (${others.map((x) => `${nameOf(world, x)} about ${round1(p.signingCost[x]!)}`).join(', ')}: a guess, their trust is hidden).`
          : '.'),
    );
  lines.push(
    `Each step seen correctly ${pct(p.accuracy)} of the time: ${pct(1 - p.cleanStep)} of steps look broken to someone even when all keep their word.`,
  );
  lines.push(
    `Steps seen kept: trust about +${Math.round(p.trustIfKept)} between you in all; each seen broken: −${Math.round(p.trustPerBrokenStep)}${steps > 1 ? `; ${world.rules.phasedStrikes} disputed in a row end the deal` : ', and the deal ends'}.`,
  );
  if (stage !== undefined) lines.push(processLine(world, p, stage));
  return lines;
}
