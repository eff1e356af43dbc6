/**
 * English: every log kind as a sentence, with the governments' names (the reader's own lines in the second
 * person) and plurals handled here. Action names keep their capitals where they are proper nouns or acronyms
 * ("Six-Party talks", "UN sanctions"); only an ordinary first word is lowered inside a sentence.
 */
import { REQUIREMENT_TEXT, findAction, inSentence as engineInSentence, unmetText } from '../engine/index.ts';
import type { ActorId, Term } from '../engine/index.ts';
import type { Messages, TextContext } from './messages.ts';

const name = (c: TextContext, id: ActorId): string => c.world.actors.find((a) => a.id === id)?.name ?? id;

/** The list "A", "A and B", "A, B and C". */
const list = (xs: readonly string[]): string =>
  xs.length <= 1 ? (xs[0] ?? '') : `${xs.slice(0, -1).join(', ')} and ${xs[xs.length - 1]}`;

const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

/** An action's name inside a sentence: "Impose sanctions" → "impose sanctions", "UN sanctions" unchanged (one rule,
 * the engine's, also used for the computer players' reasons). */
export const inSentence = engineInSentence;

const actionName = (c: TextContext, id: string): string => findAction(c.world, id)?.name ?? id;

function term(t: Term, c: TextContext): string {
  return `${name(c, t.by)} ${inSentence(actionName(c, t.action))}${t.target ? ` (${name(c, t.target)})` : ''}`;
}

const terms = (ts: readonly Term[], c: TextContext): string => ts.map((t) => term(t, c)).join('; ');

const eventName = (c: TextContext, id: string): { name: string; text: string } => {
  const ev = c.world.events.find((e) => e.id === id);
  return { name: ev?.name ?? id, text: ev?.text ?? '' };
};

/** A government in a cause: "you" for the reader. */
const who = (c: TextContext, id: ActorId): string => (id === c.me ? 'you' : name(c, id));
const act = (c: TextContext, id: string): string => {
  const def = findAction(c.world, id);
  return def ? inSentence(def.name) : id;
};

export const en: Messages = {
  lang: 'en',
  term,
  eventAgain: (name, first, injected) =>
    `${name}, again (as in round ${first})${injected ? ' (set off by the instructor)' : ''}.`,
  reasons: {
    // The requirement's words are the engine's own, which its refusals quote too (one source for both).
    requirement: (r, c) => {
      const def = findAction(c.world, r.action);
      return def ? unmetText(c.world, def, r.requirement) : REQUIREMENT_TEXT[r.requirement];
    },
    'no-target': () => 'no possible target',
    unaffordable: (r) => `needs ${r.need} ${r.variable}`,
    away: (r, c) => `${name(c, r.actor)} is away from the table`,
  },
  causes: {
    action: (x, c) =>
      `${act(c, x.action)} by ${who(c, x.actor)}${x.target ? ` toward ${who(c, x.target)}` : ''}`,
    step: (x, c) => `step of agreement #${x.agreement}: ${act(c, x.action)} by ${who(c, x.actor)}`,
    signing: (x) => `signing agreement #${x.agreement}`,
    mediation: (x) => `brokering agreement #${x.agreement}`,
    observation: (x, c) =>
      `${who(c, x.of)} seen ${x.kept ? 'keeping' : 'breaking'} a step of agreement #${x.agreement}`,
    'agreement-end': (x) =>
      `agreement #${x.agreement} ${x.how === 'completed' ? 'ran its course' : x.how === 'broken' ? 'broke down' : 'abandoned by a new leader'}`,
    event: (x, c) => c.world.events.find((e) => e.id === x.event)?.name ?? x.event,
    leader: (x, c) =>
      x.how === 'took-office'
        ? `a new leader's honeymoon in ${name(c, x.actor)}`
        : `a hardline turn in ${name(c, x.actor)}`,
    pressure: () => 'sanctions and lifelines',
    drift: () => 'drift',
    home: (x) => (x.var === 'economy' ? 'the economy at home' : 'security at home'),
    programme: () => 'a weapons programme grew',
    limit: () => 'held at the limit',
    unseen: () => 'what you could not see',
  },
  verification: { none: 'none', partial: 'partial', inspections: 'inspections' },
  kinds: {
    event: 'event',
    election: 'election',
    leader: 'leader',
    hardline: 'leader',
    offer: 'offer',
    rejected: 'answer',
    moot: 'answer',
    agreement: 'agreement',
    action: 'action',
    crisis: 'crisis',
    clash: 'clash',
    compliance: 'compliance',
    disputed: 'agreement',
    completed: 'agreement',
    broken: 'agreement',
    'walked-away': 'agreement',
    end: 'end',
  },
  log: {
    event: (e, c) => {
      const ev = eventName(c, e.ref);
      return `${ev.name}: ${ev.text}${e.injected ? ' (set off by the instructor)' : ''}`;
    },
    election: (e, c) =>
      `${name(c, e.actor)}: ${e.leader} ${e.won ? 'wins' : 'loses'} the election with ${Math.round(e.support)}% support.`,
    leader: (e, c) => {
      const why =
        e.cause === 'election'
          ? 'election'
          : e.cause === 'collapse'
            ? 'collapse of support'
            : eventName(c, e.ref ?? '').name;
      return `${name(c, e.actor)}: ${e.leader} takes office (${why}), replacing ${e.replaced}.`;
    },
    hardline: (e, c) => `With support at home failing, ${e.leader} of ${name(c, e.actor)} turns hardline.`,
    offer: (e, c) => {
      const you = e.actor === c.me;
      const verb = `${e.counters ? 'counter' : 'propose'}${you ? '' : 's'}`;
      return `${you ? 'You' : name(c, e.actor)} ${verb}${e.counters ? ` #${e.counters} with` : ''} offer #${e.ref}: ${terms(e.terms, c)}.`;
    },
    rejected: (e, c) =>
      `${list(e.by.map((id) => (id === c.me ? 'You' : name(c, id))))} ${e.by.length > 1 || e.by[0] === c.me ? 'reject' : 'rejects'} offer #${e.ref}.`,
    moot: (e, c) =>
      e.once === undefined
        ? `Offer #${e.ref} is accepted but not signed: agreement #${e.agreement}, with exactly these terms, is already in force.`
        : `Offer #${e.ref} is accepted but not signed: ${actionName(c, e.once)} can be done or promised only once, and ${e.agreement === undefined ? 'it has been done already' : `agreement #${e.agreement} has promised it`}.`,
    agreement: (e, c) =>
      `Agreement #${e.ref} signed by ${list(e.parties.map((p) => name(c, p)))}${e.mediator ? ` through ${name(c, e.mediator)}’s mediation` : ''}: ${terms(e.terms, c)} (${e.steps === 1 ? 'all at once' : plural(e.steps, 'step', 'steps')}, verification: ${en.verification[e.verification]}).`,
    action: (e, c) =>
      `${e.actor === c.me ? 'You' : name(c, e.actor)}: ${actionName(c, e.ref)}${e.target ? ` (${name(c, e.target)})` : ''}.`,
    crisis: (e) =>
      `Tension reaches ${Math.round(e.tension)}: a crisis. Miscalculation could now start a clash.`,
    clash: (e, c) =>
      `A miscalculation ${e.actor && e.target ? `between ${name(c, e.actor)} and ${name(c, e.target)} ` : ''}at tension ${Math.round(e.tension)} turns into a military clash.`,
    compliance: (e, c) => {
      const seer = e.to?.length === 1 && e.to[0] !== c.me ? name(c, e.to[0]!) : 'You';
      return `${seer} saw ${name(c, e.actor)} ${e.kept ? 'keep' : 'break'} step ${e.step} of agreement #${e.ref}.`;
    },
    disputed: (e) => `Step ${e.step} of agreement #${e.ref} is disputed; one more disputed step will end it.`,
    // What was seen, never the truth (a party may have broken a step unseen): the debrief tells the rest.
    completed: (e) =>
      e.disputed
        ? `Agreement #${e.ref} runs its course, with steps still disputed.`
        : `Agreement #${e.ref} runs its course: every step was seen kept.`,
    broken: (e) => `Agreement #${e.ref} breaks down amid accusations of cheating.`,
    'walked-away': (e, c) =>
      `${e.leader} of ${name(c, e.actor)} walks away from agreement #${e.ref}, signed by ${e.signer}.`,
    end: (e) => `The game ends after ${plural(e.rounds, 'round', 'rounds')}.`,
  },
};
