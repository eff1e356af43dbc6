/**
 * The tutorial's coach: a panel beside the game that points at one control at a time, says what it is for
 * and waits for the player to use it. It listens to what the game screen and the controls report (a phase
 * begins, a term changes, an offer is added, a summary opens) and never stands in the way: if the player
 * does something else, or moves on to the next phase, the coach catches up with them. It reads only the
 * player's own view, so it knows no more than the player does (which is half the lesson).
 * Keyboard: focus moves to the coach's text when it opens or a phase begins; Escape closes it; the game's
 * "Tutorial" button reopens it where it left off.
 */
import { findAction } from '../../engine/index.ts';
import type { ActorId, PlayerView, World } from '../../engine/index.ts';
import type { ControlsChange } from '../play/controls/index.ts';
import { fill, h } from '../kit/dom.ts';
import type { ScenarioFile } from '../../scenario/index.ts';
import { nameOf } from '../kit/text.ts';

/** The shipped tutorial: the menu's "Play the tutorial" starts it, where it is present with its coach. */
export const TUTORIAL_ID = 'tutorial';

/** What the coach says that belongs to the scenario: its `coach` section (a scenario without one has no coach). */
export type CoachScript = NonNullable<ScenarioFile['coach']>;

/** What the game tells the coach. */
export type CoachEvent =
  | ControlsChange
  | { kind: 'phase'; view: PlayerView }
  | { kind: 'briefing-closed' }
  | { kind: 'summary-open'; dialog: HTMLDialogElement; round: number }
  | { kind: 'summary-closed' };

export interface CoachHost {
  world: World;
  script: CoachScript;
  me: ActorId;
  /** The player's view now, or null when it is not their turn. */
  view(): PlayerView | null;
  openBriefing(): void;
  /** Where the coach lives when no modal dialog is open. */
  home: HTMLElement;
  /** Told when the coach opens or closes (the game's Tutorial button shows it). */
  onToggle?(open: boolean): void;
  /** Where the keyboard goes when the coach closes while it has the focus. */
  focusAfterClose?(): void;
}

export interface Coach {
  readonly element: HTMLElement;
  readonly isOpen: boolean;
  open(): void;
  close(): void;
  notify(e: CoachEvent): void;
}

/**
 * Where the game is in the tutorial's path: 0 proposals of round 1, 1 answers, 2 commitments,
 * 3 the first round's summary, 4 the rounds after.
 */
type Stage = 0 | 1 | 2 | 3 | 4;

interface Ctx {
  world: World;
  script: CoachScript;
  me: ActorId;
  other: ActorId;
  view: PlayerView | null;
  /** The round the last summary was about. */
  summaryRound: number;
}

interface Step {
  id: string;
  stage: Stage;
  title: string;
  text: (c: Ctx) => (string | HTMLElement)[];
  /** The controls to highlight. */
  target?: (root: ParentNode) => (HTMLElement | null)[];
  /** A button that completes a step the player only has to read. */
  next?: string;
  /** A button that does something for the player (open the briefing). */
  action?: { label: string; run: (host: CoachHost) => void };
  /** Whether a game event completes the step. */
  done?: (e: CoachEvent, c: Ctx) => boolean;
  /** Put the coach on the right (when it points at something on the left below the board). */
  right?: boolean;
}

/**
 * The coach finds what it points at as a player (or a screen reader) does: by role and accessible name, never
 * by the page's classes or positions, so a change of layout cannot send it to the wrong control.
 */
const ROLES = {
  button: 'button, [role="button"]',
  group: 'fieldset, [role="group"]',
  region: 'section[aria-label], section[aria-labelledby], [role="region"]',
  status: '[role="status"]',
  img: 'img, [role="img"]',
  article: 'article, [role="article"]',
  combobox: 'select, [role="combobox"]',
  spinbutton: 'input[type="number"], [role="spinbutton"]',
  heading: 'h1, h2, h3, h4, [role="heading"]',
} as const;

/** An element's accessible name: its aria-label, the text of what labels it, a fieldset's legend, or its text. */
function accessibleName(el: HTMLElement): string {
  const label = el.getAttribute('aria-label');
  if (label) return label.trim();
  const doc = el.ownerDocument;
  const by = el.getAttribute('aria-labelledby');
  if (by)
    return by
      .split(/\s+/)
      .map((id) => doc.getElementById(id)?.textContent ?? '')
      .join(' ')
      .trim();
  const forLabel = el.id ? doc.querySelector(`label[for="${el.id}"]`) : null;
  if (forLabel) return (forLabel.textContent ?? '').trim();
  if (el instanceof HTMLFieldSetElement)
    return (el.querySelector(':scope > legend')?.textContent ?? '').trim();
  return (el.textContent ?? '').trim();
}

/** Every element under `root` with this role whose accessible name matches `name` (any name when absent). */
const allByRole = (root: ParentNode, role: keyof typeof ROLES, name?: RegExp): HTMLElement[] =>
  [...root.querySelectorAll<HTMLElement>(ROLES[role])].filter((el) => !name || name.test(accessibleName(el)));
const byRole = (root: ParentNode, role: keyof typeof ROLES, name?: RegExp): HTMLElement | null =>
  allByRole(root, role, name)[0] ?? null;

/** The button that ends the phase, whichever phase it is. */
const phaseButton = (root: ParentNode): HTMLElement | null =>
  byRole(
    root,
    'button',
    /^(Send offers and end proposals|Send answers and end this phase|Continue to commitments|Commit and resolve the round)$/,
  );
/** The map of the board (the canvas's host, an image with its description). */
const theMap = (root: ParentNode): HTMLElement | null => byRole(root, 'img', /^Map of /);
/** The offers that wait for an answer, or the phase panel when none does. */
const offerCards = (root: ParentNode): (HTMLElement | null)[] => {
  const cards = allByRole(root, 'article', /^Offer #\d+ from /);
  return cards.length ? cards : [byRole(root, 'group', /^Phase panel$/)];
};
const pct = (x: number): string => `${Math.round(x * 100)} %`;
const actionName = (c: Ctx, id: string): string => findAction(c.world, id)?.name ?? id;

/** The first offer the scenario's coach suggests to a player of this government, if it wrote one. */
const suggestionFor = (script: CoachScript, me: ActorId): CoachScript['suggest'][number] | null =>
  script.suggest.find((x) => x.as === me) ?? null;

/** The counterpart the coach teaches with: the one its suggested offer goes to, or the first the player can talk to. */
function counterpartOf(world: World, script: CoachScript, me: ActorId, view: PlayerView | null): ActorId {
  const s = suggestionFor(script, me);
  if (s && world.actors.some((a) => a.id === s.with)) return s.with;
  return view?.contacts[0] ?? world.actors.find((a) => a.id !== me)!.id;
}

/** The scenario's words with {you} as the player's government. */
const words = (c: Ctx, text: string): string => text.trim().replace(/\{you\}/g, () => nameOf(c.world, c.me));

/** What the player's trust in the coach's counterpart allows, in the channels open between them now. */
function trustLine(c: Ctx): string {
  const other = nameOf(c.world, c.other);
  const t = Math.round(c.view?.myTrust[c.other] ?? 0);
  const need = c.world.rules.contactTrust;
  if (t >= need)
    return `You trust ${other} ${t} of 100: enough to make it offers directly (${need} is needed).`;
  const open = (c.view?.channels ?? []).find(
    (x) => (x.a === c.me && x.b === c.other) || (x.a === c.other && x.b === c.me),
  );
  return open
    ? `You trust ${other} only ${t} of 100: below ${need} you could not make an offer at all without the ${open.channel} (${open.channel === 'hotline' ? 'H' : 'B'}) still open between you.`
    : `You trust ${other} only ${t} of 100: below ${need} you cannot make it an offer directly until a hotline or backchannel is open, or a third government mediates.`;
}

/** What the player saw of the others on agreement steps in a round, from their own view. */
function sightings(c: Ctx, round: number): { who: ActorId; kept: boolean; id: number; v: string }[] {
  const out: { who: ActorId; kept: boolean; id: number; v: string }[] = [];
  for (const g of c.view?.agreements ?? [])
    for (const r of g.record)
      if (r.round === round)
        for (const [who, kept] of Object.entries(r.saw)) out.push({ who, kept, id: g.id, v: g.verification });
  return out;
}

const STEPS: Step[] = [
  {
    id: 'welcome',
    stage: 0,
    title: 'Welcome to Quid Pro Quo',
    text: (c) => [
      words(c, c.script.welcome),
      'Every deal here has the form “I do X if you do Y”. This coach shows you one control at a time and waits while you try it. You can close it with Escape and bring it back with the Tutorial button at the top.',
    ],
    next: 'Show me around',
  },
  {
    id: 'briefing',
    stage: 0,
    title: 'Read your briefing',
    text: () => [
      'Your briefing says who you are, what you want and what you are scored on. Only you see the part marked “For your eyes only”.',
      'Open it with the Briefing button in the top bar (or the button below), read it, and close it to go on.',
    ],
    target: (r) => [byRole(r, 'button', /^Briefing$/)],
    action: { label: 'Open my briefing', run: (host) => host.openBriefing() },
    done: (e) => e.kind === 'briefing-closed',
    next: 'I have read it',
  },
  {
    id: 'trust',
    stage: 0,
    title: 'The board: who trusts whom',
    text: (c) => [
      'Each government sits at its capital. The line from you to another is your trust in it, with the number on it: blue from 50 up, amber from 20, red-orange below; the thicker the line, the more trust.',
      `${trustLine(c)} S1–S3 mark sanctions and A an alliance; the boxes under the map show or hide each kind.`,
    ],
    target: (r) => [theMap(r)?.closest<HTMLElement>('figure') ?? null],
    next: 'Next',
  },
  {
    id: 'tension',
    stage: 0,
    title: 'The tension gauge and the numbers',
    text: (c) => [
      (c.view?.tension ?? 0) >= c.world.rules.crisisAt
        ? `The gauge above the map is the region’s tension: ${Math.round(c.view?.tension ?? 0)} now, a crisis. From ${c.world.rules.crisisAt} up, any round can end in an exchange of fire by miscalculation, and the game with it. Open channels such as the hotline lower that chance.`
        : `The gauge above the map is the region’s tension: ${Math.round(c.view?.tension ?? 0)} now. From ${c.world.rules.crisisAt} up, a crisis can turn into an exchange of fire by miscalculation, which ends the game badly for everyone. Open channels such as the hotline lower that chance.`,
      'The table below the map lists every government’s numbers from 0 to 100, and your trust in each. Point at a number to read what it means; a screen reader reads each one’s explanation with it.',
    ],
    target: (r) => [theMap(r), byRole(r, 'region', /^Governments$/)],
    right: true,
    next: 'Next',
  },
  {
    id: 'terms',
    stage: 0,
    title: 'Compose an offer',
    text: (c) => {
      const s = suggestionFor(c.script, c.me);
      return [
        s
          ? `Try ${s.why.trim()}. In term 1, choose “${actionName(c, s.give)}” toward ${nameOf(c.world, c.other)}. In term 2, ${nameOf(c.world, c.other)} will “${actionName(c, s.want)}” toward you.`
          : `Make an offer to ${nameOf(c.world, c.other)}: in term 1 choose what you give, in term 2 what you want from them.`,
        'Each term has three parts: who acts, what they do, and toward whom. Add more with the “+” buttons.',
      ];
    },
    target: (r) => allByRole(r, 'group', /^Term \d+$/),
    done: (e, c) => {
      if (e.kind !== 'composer' || e.field !== 'terms') return false;
      const s = suggestionFor(c.script, c.me);
      const by = (who: ActorId, action: string): boolean =>
        e.draft.terms.some((t) => t.by === who && t.action === action);
      return s ? by(c.me, s.give) && by(c.other, s.want) : new Set(e.draft.terms.map((t) => t.by)).size > 1;
    },
    next: 'These are my terms',
  },
  {
    id: 'verify',
    stage: 0,
    title: 'Verification and steps',
    text: (c) => {
      const a = c.world.rules.accuracy;
      return [
        `Choose how each side checks the other. With no verification, each report of what the other did is right only ${pct(a.none)} of the time; with partial, ${pct(a.partial)}; with inspections, ${pct(a.inspections)}. A wrong report makes a kept promise look broken.`,
        'Steps split the deal over several rounds, each waiting on the last. One disputed step then suspends the deal instead of ending it. Try two steps and partial verification.',
      ];
    },
    target: (r) => [
      byRole(r, 'group', /^Verification$/),
      byRole(r, 'spinbutton', /^Steps$/),
      byRole(r, 'spinbutton', /^Open for/),
    ],
    done: (e) => e.kind === 'composer' && (e.field === 'verification' || e.field === 'steps'),
    next: 'Keep these',
  },
  {
    id: 'preview',
    stage: 0,
    title: 'Read the likely effects, then add the offer',
    text: () => [
      'Below your terms, the preview works out what each term would do to each side’s numbers, what signing costs you at home, and how often each step will be seen correctly. It changes as you change the offer.',
      'When you like it, press “Add this offer”. You can send up to three offers a round, or none.',
    ],
    target: (r) => [
      byRole(r, 'status', /^Likely effects of this offer$/),
      byRole(r, 'button', /^Add this offer/),
    ],
    done: (e) => e.kind === 'offer-added',
  },
  {
    id: 'send',
    stage: 0,
    title: 'Send it',
    text: (c) => [
      `Your offer is ready. Press “Send offers and end proposals”: ${nameOf(c.world, c.other)} and the others answer in the next phase, at the same time as you answer theirs.`,
    ],
    target: (r) => [phaseButton(r)],
  },
  {
    id: 'answer',
    stage: 1,
    title: 'Answer the offers made to you',
    text: (c) => {
      const waiting = (c.view?.offers ?? []).filter(
        (o) =>
          o.status === 'open' && o.from !== c.me && o.parties.includes(c.me) && !o.accepted.includes(c.me),
      ).length;
      return [
        waiting
          ? `${waiting === 1 ? 'One offer waits' : `${waiting} offers wait`} for your answer. Read each one’s terms: accept a deal you mean to keep, reject one you would not. Accepting costs some support at home when you distrust the other side.`
          : 'Nobody has made you an offer this round. Your own offers are listed with the answers so far.',
        'An offer becomes an agreement only when every party accepts. Then press the button at the bottom to go on.',
      ];
    },
    target: (r) => [...offerCards(r), phaseButton(r)],
  },
  {
    id: 'honour',
    stage: 2,
    title: 'Keep or break your promises',
    text: (c) => {
      const n = (c.view?.agreements ?? []).filter(
        (g) => g.status === 'active' && g.parties.includes(c.me),
      ).length;
      return [
        n
          ? `You have ${n === 1 ? 'an agreement' : `${n} agreements`} with a step due. For each, choose Honour or Renege, in secret. Reneging spares you the step’s cost, but the others may see it, and a broken promise costs more trust than a kept one earns.`
          : 'You have no agreement with a step due yet. Once an offer is accepted, this is where you choose, in secret, to honour or renege on each step.',
        'Whatever you choose, the others see it only as well as the deal’s verification allows.',
      ];
    },
    target: (r) => offerCards(r),
    next: 'Next',
  },
  {
    id: 'actions',
    stage: 2,
    title: 'Act on your own',
    text: () => [
      'You may also take up to two actions of your own: aid, a test, sanctions, a campaign at home. Each says what it costs and who will see it. Friendly gestures build trust slowly; provocations destroy it fast.',
    ],
    target: (r) => allByRole(r, 'combobox', /^Action \d+$/),
    next: 'Next',
  },
  {
    id: 'commit',
    stage: 2,
    title: 'Commit the round',
    text: () => [
      'Press “Commit and resolve the round”. Everyone’s secret choices are revealed at once, the effects land, and each government sees what it can of the others.',
    ],
    target: (r) => [phaseButton(r)],
  },
  {
    id: 'summary',
    stage: 3,
    title: 'What happened this round',
    text: (c) => [
      'The summary lists what you did, what you saw the others do, how your numbers moved, and the news.',
      ...observedText(c),
    ],
    target: (r) => [byRole(r, 'heading', /^What you saw of the others$/)?.parentElement ?? null],
    next: 'Next',
  },
  {
    id: 'noise',
    stage: 3,
    title: 'Reciprocity under noise',
    text: (c) => [
      `Suppose you saw a breach. Answering every breach you see with one of your own looks fair: it is tit for tat. But when one report in ${Math.round(1 / (1 - c.world.rules.accuracy.partial))} is wrong (partial verification), two honest governments that both play it will sooner or later punish each other for nothing, and every punishment is then seen as a new breach. The spiral goes down to mutual defection.`,
      'Generous reciprocity forgives an occasional apparent breach and answers only a pattern, such as two in a row. An honest partner keeps its deal with you; a real cheater shows itself again soon enough. Close the summary to go on.',
    ],
    target: (r) => [byRole(r, 'button', /^(Continue to round \d+|See the outcome)$/)],
  },
  {
    id: 'verification-pays',
    stage: 4,
    title: 'Buy less noise: verification',
    text: (c) => {
      const a = c.world.rules.accuracy;
      return [
        `The cheapest cure for noise is better sight. Inspections cut wrong reports from ${pct(1 - a.none)} to ${pct(1 - a.inspections)}; they are harder to agree to, and hard to cheat. Small, verifiable, phased steps outlast all-or-nothing bargains.`,
        'Watch the preview as you switch verification: the chance that a step looks broken when everyone kept their word falls with it.',
      ];
    },
    target: (r) => [
      byRole(r, 'group', /^Verification$/),
      byRole(r, 'status', /^Likely effects of this offer$/),
    ],
    next: 'Next',
  },
  {
    id: 'log',
    stage: 4,
    title: 'Your record of the others',
    text: () => [
      '“What you have seen” keeps, round by round, every event, every step you saw kept or broken, and every action you could see. It is your only evidence: use it to tell a pattern from bad luck.',
    ],
    target: (r) => [byRole(r, 'region', /^What you have seen$/)],
    next: 'Next',
  },
  {
    id: 'finish',
    stage: 4,
    title: 'You know the controls',
    text: (c) => [
      words(c, c.script['finish-as'][c.me] ?? c.script.finish),
      'Bring this coach back at any time with the Tutorial button at the top.',
    ],
    next: 'Finish the tutorial',
  },
];

/** The summary step's words on what the player saw, and why they cannot know whether it was true. */
function observedText(c: Ctx): string[] {
  const seen = sightings(c, c.summaryRound);
  if (seen.length === 0)
    return [
      'No agreement step was due this round, so there was nothing to watch yet. When there is, remember that you see what the other side did only through the deal’s verification.',
    ];
  const broken = seen.filter((x) => !x.kept);
  const x = broken[0] ?? seen[0]!;
  const wrong = 1 - c.world.rules.accuracy[x.v as keyof World['rules']['accuracy']];
  const name = nameOf(c.world, x.who);
  return [
    `You saw ${name} ${x.kept ? 'keep' : 'break'} its step of agreement #${x.id}. Did it really? You cannot know, and neither can the game tell you: with this deal’s verification about ${pct(wrong)} of reports are wrong. ${x.kept ? 'A step that looks kept may have been broken, and one that looks broken may have been kept.' : `${name} may have kept its word and been misread.`}`,
  ];
}

function stageOf(e: CoachEvent): Stage | null {
  switch (e.kind) {
    case 'phase':
      if (e.view.round > 1) return 4;
      return e.view.phase === 'proposing'
        ? 0
        : e.view.phase === 'responding'
          ? 1
          : e.view.phase === 'commitment'
            ? 2
            : null;
    case 'summary-open':
      return 3;
    case 'summary-closed':
      return 4;
    default:
      return null;
  }
}

/** The coach's panel: its heading, text, progress, buttons and live region; the ✕ and Escape call `close`. */
function coachPanel(close: () => void) {
  const title = h('h2', { id: 'coach-h' });
  const body = h('div', { class: 'coach-body' });
  const text = h('div', { class: 'coach-text', tabindex: '-1' }, title, body);
  const progress = h('span', { class: 'coach-progress' });
  const buttons = h('div', { class: 'coach-buttons' });
  const live = h('p', { class: 'sr-only', 'aria-live': 'polite' });
  const element = h(
    'aside',
    { class: 'coach', 'aria-labelledby': 'coach-h', hidden: true },
    h('p', { class: 'coach-kicker' }, 'Tutorial', progress),
    text,
    buttons,
    h(
      'button',
      {
        type: 'button',
        class: 'icon coach-close',
        'aria-label': 'Close the tutorial (Escape)',
        title: 'Close the tutorial (Escape); the Tutorial button brings it back',
        onclick: () => close(),
      },
      '✕',
    ),
    live,
  );
  element.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      close();
    }
  });
  return { title, body, text, progress, buttons, live, element };
}

/**
 * Where the coach sits: over the lower left of the game by default. On a large screen it keeps the governments'
 * table clear: under the table when the window has room there, else over the log (bottom right) unless the
 * step points at the log.
 */
function dockCoach(
  element: HTMLElement,
  dialogHost: HTMLDialogElement | null,
  highlighted: HTMLElement[],
): void {
  const st = element.style;
  st.top = st.bottom = st.left = st.right = st.width = st.maxHeight = '';
  if (dialogHost || element.classList.contains('right') || element.hidden) return;
  const table = document.querySelector('.governments');
  if (!table) return;
  const r = table.getBoundingClientRect();
  const room = window.innerHeight - r.bottom - 18;
  if (room >= Math.min(element.scrollHeight, 240)) {
    st.top = `${Math.max(0, r.bottom + 8)}px`;
    st.bottom = 'auto';
    st.width = `${Math.min(r.width, 760)}px`;
    st.maxHeight = `${room}px`;
    return;
  }
  const log = document.querySelector('.right .log');
  if (!log || window.innerWidth < 1500 || highlighted.some((el) => log.contains(el))) return;
  const l = log.getBoundingClientRect();
  st.left = `${l.left}px`;
  st.width = `${l.width}px`;
  st.maxHeight = `${Math.max(l.height, 220)}px`;
}

/** A step's buttons: its action, its next (or the wait for the player), and the ways to skip. */
function coachButtons(
  s: Step,
  last: boolean,
  host: CoachHost,
  on: { advance: () => void; finish: () => void; close: () => void },
): (HTMLElement | null)[] {
  return [
    s.action
      ? h('button', { type: 'button', class: 'primary', onclick: () => s.action!.run(host) }, s.action.label)
      : null,
    s.next
      ? h(
          'button',
          {
            type: 'button',
            class: s.action ? '' : 'primary',
            onclick: () => (last ? on.finish() : on.advance()),
          },
          s.next,
        )
      : h('span', { class: 'coach-waiting' }, 'Waiting for you to do it…'),
    !s.next && !last
      ? h('button', { type: 'button', class: 'quiet small', onclick: () => on.advance() }, 'Skip this step')
      : null,
    !last
      ? h('button', { type: 'button', class: 'quiet small', onclick: () => on.close() }, 'Skip the tutorial')
      : null,
  ];
}

/** Puts the coach in the summary dialog, or back home on the game screen when there is none. */
function placeCoach(element: HTMLElement, dialog: HTMLDialogElement | null, home: CoachHost['home']): void {
  if (dialog) {
    // Just under the summary's title, so it is read first and the summary's button follows it.
    const heading = dialog.querySelector(':scope > h2');
    if (heading) heading.after(element);
    else dialog.prepend(element);
    element.classList.add('in-dialog');
  } else {
    home.append(element);
    element.classList.remove('in-dialog');
  }
}

export function createCoach(host: CoachHost): Coach {
  let index = 0;
  let open = false;
  let stage: Stage = 0;
  let summaryRound = 1;
  let dialogHost: HTMLDialogElement | null = null;
  let highlighted: HTMLElement[] = [];
  /** The step last read out or focused: a step is announced once, not again at every phase or summary. */
  let announced = -1;

  const { title, body, text, progress, buttons, live, element } = coachPanel(() => close());

  const ctx = (): Ctx => {
    const view = host.view();
    return {
      world: host.world,
      script: host.script,
      me: host.me,
      other: counterpartOf(host.world, host.script, host.me, view),
      view,
      summaryRound,
    };
  };
  const step = (): Step | undefined => STEPS[index];

  function unhighlight(): void {
    for (const el of highlighted) el.classList.remove('coach-target');
    highlighted = [];
  }

  function highlight(scroll: boolean): void {
    unhighlight();
    const s = step();
    if (!open || !s?.target) return;
    const root = dialogHost ?? document;
    highlighted = s.target(root).filter((x): x is HTMLElement => x !== null);
    for (const el of highlighted) el.classList.add('coach-target');
    // Bring what to use into view (the last target is the one to press); inside a dialog, the coach stays on top.
    if (scroll && !dialogHost) for (const el of highlighted) el.scrollIntoView({ block: 'nearest' });
  }

  // The controls are rebuilt as the player plays: put the highlight back on the new elements.
  let pending = false;
  const observer = new MutationObserver(() => {
    // The game screen was left (a new game, the menu): the coach goes with it.
    if (!element.isConnected) return close();
    if (pending || !open) return;
    pending = true;
    requestAnimationFrame(() => {
      pending = false;
      if (highlighted.some((el) => !el.isConnected) || highlighted.length === 0) highlight(false);
      dock();
    });
  });

  function render(focus: boolean): void {
    const s = step();
    if (!s) return;
    const c = ctx();
    title.textContent = s.title;
    fill(
      body,
      s.text(c).map((x) => (typeof x === 'string' ? h('p', null, x) : x)),
    );
    progress.textContent = ` · step ${index + 1} of ${STEPS.length}`;
    const last = index === STEPS.length - 1;
    fill(buttons, coachButtons(s, last, host, { advance: () => advance(true), finish, close }));
    element.classList.toggle('right', !!s.right);
    highlight(true);
    // In the summary the coach sits under the title: keep the dialog scrolled to its top.
    dock();
    if (focus) {
      text.focus({ preventScroll: !!dialogHost });
      if (dialogHost) dialogHost.scrollTop = 0;
    } else if (announced !== index) live.textContent = `Tutorial: ${s.title}. ${s.text(c)[0] ?? ''}`;
    announced = index;
  }

  function dock(): void {
    dockCoach(element, dialogHost, highlighted);
  }
  const redock = (): void => {
    if (open) dock();
  };

  function advance(focus: boolean): void {
    if (index < STEPS.length - 1) index++;
    // Steps of an earlier stage than the game's are left behind.
    while (index < STEPS.length - 1 && STEPS[index]!.stage < stage) index++;
    render(focus);
  }

  function finish(): void {
    index = STEPS.length - 1;
    close();
  }

  function placeIn(dialog: HTMLDialogElement | null): void {
    dialogHost = dialog;
    placeCoach(element, dialog, host.home);
  }

  function openCoach(): void {
    open = true;
    element.hidden = false;
    // Reopened after the end: start from the first step of where the game is now.
    if (index === STEPS.length - 1) {
      const first = STEPS.findIndex((s) => s.stage >= stage);
      index = first < 0 ? STEPS.length - 1 : first;
    }
    observer.observe(document.body, { childList: true, subtree: true });
    window.addEventListener('resize', redock);
    window.addEventListener('scroll', redock, { passive: true });
    host.onToggle?.(true);
    render(true);
  }

  function close(): void {
    if (!open) return;
    open = false;
    live.textContent = '';
    const hadFocus = element.contains(document.activeElement);
    element.hidden = true;
    if (hadFocus) host.focusAfterClose?.();
    unhighlight();
    observer.disconnect();
    window.removeEventListener('resize', redock);
    window.removeEventListener('scroll', redock);
    host.onToggle?.(false);
  }

  placeIn(null);

  return {
    element,
    get isOpen() {
      return open;
    },
    open: openCoach,
    close,
    notify(e: CoachEvent): void {
      // The next round begins behind the summary; the coach follows once the summary closes.
      if (e.kind === 'phase' && dialogHost) return;
      if (e.kind === 'summary-open') {
        summaryRound = e.round;
        placeIn(e.dialog);
      } else if (e.kind === 'summary-closed' && dialogHost) placeIn(null);
      const st = stageOf(e);
      // Only the first round's summary is a stage of its own; later ones leave the coach where it is.
      const moved = st !== null && st > stage && !(st === 3 && summaryRound > 1);
      if (moved) stage = st;
      if (!open) {
        if (moved) while (index < STEPS.length - 1 && STEPS[index]!.stage < stage) index++;
        return;
      }
      const s = step();
      if (!s) return;
      if (moved && s.stage < stage) {
        advance(true);
        return;
      }
      if (s.done?.(e, ctx())) {
        advance(e.kind === 'briefing-closed');
        return;
      }
      if (e.kind === 'summary-open' || e.kind === 'summary-closed' || e.kind === 'phase') render(false);
      else highlight(false);
    },
  };
}
