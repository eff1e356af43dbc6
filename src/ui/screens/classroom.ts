/**
 * The classroom pages: a thin client of the classroom server (docs/classroom-protocol.md). `?teach` creates a
 * session and runs the instructor's console, `?join` takes a seat with the join code and plays it with the game's
 * own controls and panels, fed from the server's view of that seat; `?project=CODE` is the projector's board.
 * Tokens stay in localStorage, so reopening the page resumes the same seat.
 */
import { finishedGame } from '../../session/index.ts';
import type { GameRecord, PhaseInput, PlayerView, PublicView, World } from '../../engine/index.ts';
import { logTexts } from '../../text/index.ts';
import type { Content } from '../kit/content.ts';
import { renderControls } from '../play/controls/index.ts';
import { renderDebrief, saveText } from '../debrief/index.ts';
import { fill, h } from '../kit/dom.ts';
import { panelElements, renderLog, renderMeters, renderStatus } from '../play/panels.ts';
import { endReport } from './end.ts';
import type { DebriefSource } from './end.ts';

type Json = Record<string, unknown>;
interface Info {
  code: string;
  scenario: string;
  title: string;
  status: 'lobby' | 'running' | 'paused' | 'ended';
  round: number;
  phase: string | null;
  deadline: number | null;
  pausedRemaining: number | null;
  now: number;
  announcements: { seq: number; at: number; text: string }[];
  /** The instructor has released the class debrief: seats may read the game record. */
  released?: boolean;
  actors: { id: string; name: string; seat: string }[];
}
interface ViewMessage {
  type: 'view';
  seq: number;
  role: 'player' | 'observer' | 'instructor';
  you: { seat: number; name: string; actor: string | null; observer: boolean } | null;
  session: Info;
  view: PlayerView;
  roster?: Roster[];
}
interface Roster {
  seat: number;
  name: string;
  actor: string | null;
  observer: boolean;
  connected: boolean;
  submitted: boolean;
  computer: boolean;
}

const seatKey = (code: string): string => `qpq-seat-${code}`;
const teachKey = (code: string): string => `qpq-teach-${code}`;

/** Opens the classroom page the address asks for; false when it asks for none. */
export function startClassroom(root: HTMLElement, content: Content, params: URLSearchParams): boolean {
  const worldOf = (id: string): World | null => {
    for (const s of content.scenarios) if (s.ok && s.loaded.world.id === id) return s.loaded.world;
    return null;
  };
  if (params.has('teach')) {
    const code = params.get('teach');
    const token = code ? localStorage.getItem(teachKey(code)) : null;
    if (code && token) instructorConsole(root, worldOf, code, token);
    else createForm(root, content);
    return true;
  }
  if (params.has('project')) {
    const code = params.get('project') ?? '';
    const token = localStorage.getItem(teachKey(code));
    if (token) projector(root, worldOf, code, token);
    else fill(root, h('p', { class: 'error' }, 'Open the projector view from the instructor console.'));
    return true;
  }
  if (params.has('join')) {
    const code = (params.get('join') ?? '').toUpperCase();
    const token = code ? localStorage.getItem(seatKey(code)) : null;
    if (code && token) studentPage(root, worldOf, code, token);
    else joinForm(root, code);
    return true;
  }
  return false;
}

async function api(path: string, body?: unknown, token?: string): Promise<Json> {
  const res = await fetch(path, {
    method: body === undefined ? 'GET' : 'POST',
    headers: {
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const json = (await res.json().catch(() => ({}))) as Json;
  if (!res.ok)
    throw new Error(typeof json.error === 'string' ? json.error : `The server answered ${res.status}.`);
  return json;
}

/**
 * The view after a `submitted` update (who has submitted while the phase collects; the seat's team also gets its
 * held input back as `myInput`) or a `roster`: the last whole view with the update applied, or null when the
 * update is for another phase than the view's (a whole view follows then).
 */
export function applyUpdate(last: ViewMessage, m: Json): ViewMessage | null {
  if (m.type === 'roster' && Array.isArray(m.roster) && last.roster)
    return { ...last, seq: Number(m.seq), roster: m.roster as Roster[] };
  if (m.type !== 'submitted' || m.round !== last.view.round || m.phase !== last.view.phase) return null;
  const view = { ...last.view, submitted: m.submitted as PlayerView['submitted'] };
  if (m.myInput !== undefined) view.myInput = m.myInput as PhaseInput;
  return { ...last, seq: Number(m.seq), view };
}

/**
 * A WebSocket to a session that reconnects on its own; every view (and every view updated by a `submitted` or
 * `roster` message) goes to `onView`, answers to `onAnswer`.
 */
function connect(
  code: string,
  token: string,
  onView: (m: ViewMessage) => void,
  onAnswer: (m: Json) => void,
  onState: (connected: boolean) => void,
): { send: (m: Json) => void } {
  let ws: WebSocket | null = null;
  let lastSeq = 0;
  let last: ViewMessage | null = null;
  const open = (): void => {
    const proto = location.protocol === 'https:' ? 'wss' : 'ws';
    ws = new WebSocket(
      `${proto}://${location.host}/api/sessions/${code}/socket?token=${encodeURIComponent(token)}&since=${lastSeq}`,
    );
    ws.onopen = () => onState(true);
    ws.onclose = () => {
      onState(false);
      setTimeout(open, 1000);
    };
    ws.onmessage = (e) => {
      const m = JSON.parse(String(e.data)) as Json;
      lastSeq = Math.max(lastSeq, Number(m.seq) || 0);
      if (m.type === 'view') onView((last = m as unknown as ViewMessage));
      else if (m.type === 'submitted' || m.type === 'roster') {
        const next = last && applyUpdate(last, m);
        if (next) onView((last = next));
      } else onAnswer(m);
    };
  };
  open();
  return { send: (m) => ws?.readyState === WebSocket.OPEN && ws.send(JSON.stringify(m)) };
}

/** "2:05 left", counted down from the server's absolute deadline (corrected for the clocks' difference). */
function countdown(el: HTMLElement): (info: Info) => void {
  let info: Info | null = null;
  let skew = 0;
  const tick = (): void => {
    if (!info) return;
    const left =
      info.status === 'paused'
        ? info.pausedRemaining
        : info.deadline === null
          ? null
          : info.deadline - (Date.now() + skew);
    el.hidden = left === null || info.status === 'ended';
    if (left === null) return;
    const s = Math.max(0, Math.ceil(left / 1000));
    el.textContent = `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')} left${info.status === 'paused' ? ' (paused)' : ''}`;
  };
  setInterval(tick, 500);
  return (i) => {
    info = i;
    skew = i.now - Date.now();
    tick();
  };
}

function announcements(el: HTMLElement, info: Info): void {
  fill(
    el,
    info.announcements
      .slice(-3)
      .reverse()
      .map((a) => h('p', { class: 'announcement' }, `Announcement: ${a.text}`)),
  );
}

const STATUS_TEXT = {
  lobby: 'Waiting for the instructor to start',
  running: 'In play',
  paused: 'Paused by the instructor',
  ended: 'The game is over',
};

// ---------------------------------------------------------------------------------------------
// Students

function joinForm(root: HTMLElement, code: string): void {
  const codeInput = h('input', { id: 'join-code', value: code, autocomplete: 'off', maxlength: 12 });
  const nameInput = h('input', { id: 'join-name', autocomplete: 'name', maxlength: 60 });
  formPage(root, {
    class: 'join',
    title: 'Join a class',
    fields: [
      ['Join code', codeInput],
      ['Your name', nameInput],
    ],
    button: 'Join',
    submit: async () => {
      const c = codeInput.value.toUpperCase().replace(/[\s-]/g, '');
      const r = await api(`/api/sessions/${c}/seats`, { name: nameInput.value });
      localStorage.setItem(seatKey(c), String(r.seatToken));
      location.search = `?join=${c}`;
    },
  });
}

/**
 * A classroom form page: labelled fields, one button, and the server's refusal shown under it in words. The
 * fields' ids tie the labels to them.
 */
function formPage(
  root: HTMLElement,
  o: {
    class: string;
    title: string;
    fields: [label: string, input: HTMLElement][];
    button: string;
    submit: () => Promise<void>;
  },
): void {
  const err = h('p', { class: 'error', role: 'alert', hidden: true });
  const run = async (): Promise<void> => {
    try {
      await o.submit();
    } catch (e) {
      err.textContent = (e as Error).message;
      err.hidden = false;
    }
  };
  fill(
    root,
    h(
      'main',
      { class: `classroom ${o.class}` },
      h('h1', null, o.title),
      ...o.fields.flatMap(([label, input]) => [h('label', { for: input.id }, label), input]),
      h('button', { type: 'button', class: 'primary', onclick: () => void run() }, o.button),
      err,
      h('p', null, h('a', { href: './' }, 'Back to the menu')),
    ),
  );
}

function studentPage(
  root: HTMLElement,
  worldOf: (id: string) => World | null,
  code: string,
  token: string,
): void {
  const p = panelElements();
  const head = h('p', { class: 'classroom-head' });
  const clock = h('span', { class: 'countdown', role: 'timer', hidden: true });
  const news = h('div', { class: 'announcements', 'aria-live': 'polite' });
  const controls = h('section', { class: 'panel controls', 'aria-label': 'Your move' });
  const answer = h('p', { class: 'answer', role: 'status' });
  const link = h('span', { class: 'link-state' });
  fill(
    root,
    h(
      'main',
      { class: 'classroom student' },
      h('header', null, head, clock, link),
      news,
      p.status,
      h(
        'div',
        { class: 'classroom-grid' },
        h('div', null, controls, answer),
        h('div', null, p.meters, p.logList),
      ),
    ),
  );
  const setClock = countdown(clock);
  let shown = '';
  const sock = connect(
    code,
    token,
    (m) => {
      const world = worldOf(m.session.scenario);
      if (!world)
        return void (head.textContent = `This site does not have the scenario ${m.session.scenario}.`);
      const you = m.you;
      head.textContent = `${m.session.title} · class ${code} · ${you?.name ?? ''}${
        you?.actor
          ? ` plays ${world.actors.find((a) => a.id === you.actor)?.name ?? you.actor}`
          : you?.observer
            ? ' (observer)'
            : ''
      } · ${STATUS_TEXT[m.session.status]}`;
      setClock(m.session);
      announcements(news, m.session);
      if (m.role !== 'player' || !you?.actor) {
        fill(
          controls,
          h(
            'p',
            null,
            you?.observer ? 'You are watching.' : 'Waiting for the instructor to give you a government.',
          ),
        );
        return;
      }
      const v = m.view;
      if (v.end) {
        if (!ended) showEnd(world, v);
        if (m.session.released && !released) void classDebrief(world, v);
        return;
      }
      renderStatus(p.status, world, v);
      renderMeters(p.meters, world, v);
      renderLog(p.logList, world, v);
      const mine = v.submitted[v.me] === true;
      const key = `${v.round}/${v.phase}/${mine}/${m.session.status}`;
      if (key === shown) return;
      shown = key;
      if (m.session.status === 'paused') fill(controls, h('p', null, 'The instructor has paused the game.'));
      else if (mine) fill(controls, h('p', { class: 'waiting' }, 'Sent. Waiting for the others…'));
      else
        renderControls(controls, {
          world,
          view: v,
          submit: (input: PhaseInput) => {
            sock.send({ type: 'input', input });
            answer.textContent = 'Sending…';
            return null;
          },
        });
    },
    (a) => {
      if (a.type === 'ack') answer.textContent = 'Your move is in.';
      else if (a.type === 'rejected' || a.type === 'error') {
        answer.textContent = `Not taken: ${String(a.message)}`;
        shown = '';
      }
    },
    (up) => (link.textContent = up ? '' : 'Reconnecting…'),
  );

  /**
   * The end of the game for a student: the outcome, their own government's result and rank, every score and
   * the debrief of the finished game as their seat saw it (every seat's truth is revealed now), the full record,
   * and the way back to the menu.
   */
  let ended = false;
  let released = false;
  /** The class debrief, once the instructor releases it: the game replayed here from its record. */
  async function classDebrief(world: World, v: PlayerView): Promise<void> {
    released = true;
    try {
      const record = (await api(`/api/sessions/${code}/record`, undefined, token)) as unknown as GameRecord;
      showEnd(world, v, finishedGame(world, record).finished);
    } catch (e) {
      released = false;
      news.append(
        h('p', { class: 'error' }, `The class debrief could not be loaded: ${(e as Error).message}`),
      );
    }
  }
  function showEnd(world: World, v: PlayerView, source?: DebriefSource): void {
    ended = true;
    const log = h('ul', { class: 'log' });
    fill(
      root,
      h(
        'main',
        { class: 'classroom student ended' },
        h('header', null, head, link),
        news,
        h('p', { class: 'back' }, h('a', { href: './' }, 'Back to the menu')),
        v.end!.reason === 'rounds' && v.end!.round < v.rounds
          ? h(
              'p',
              { class: 'stopped' },
              `The instructor ended the game in round ${v.end!.round} of ${v.rounds}: the outcome and the scores are as things stood then.`,
            )
          : null,
        source
          ? h(
              'p',
              { class: 'released' },
              'The instructor has released the class debrief: every round and every government’s record, replayed here.',
            )
          : h(
              'p',
              { class: 'hint' },
              'The charts and the full record of every government come when the instructor releases the class debrief.',
            ),
        endReport(world, v, source),
        h(
          'section',
          { class: 'panel log', 'aria-labelledby': 'cls-log-h', tabindex: '0' },
          h('h2', { id: 'cls-log-h' }, 'The full record'),
          log,
        ),
      ),
    );
    renderLog(log, world, v);
    (root.querySelector('#outcome-h') as HTMLElement | null)?.focus();
  }
}

// ---------------------------------------------------------------------------------------------
// Instructor

function createForm(root: HTMLElement, content: Content): void {
  const playable = content.scenarios.filter((s) => s.ok);
  const scenario = h(
    'select',
    { id: 'cls-scenario' },
    playable.map((s) =>
      h('option', { value: s.ok ? s.loaded.world.id : '' }, s.ok ? s.loaded.world.title : ''),
    ),
  );
  const seed = h('input', { id: 'cls-seed', placeholder: 'random' });
  const seconds = h('input', { id: 'cls-seconds', type: 'number', min: 5, placeholder: 'none' });
  formPage(root, {
    class: 'create',
    title: 'Run a classroom session',
    fields: [
      ['Scenario', scenario],
      ['Seed (the same seed, the same dice)', seed],
      ['Seconds per phase (empty: no deadline)', seconds],
    ],
    button: 'Create the session',
    submit: async () => {
      const r = await api('/api/sessions', {
        scenario: scenario.value,
        ...(seed.value ? { seed: seed.value } : {}),
        ...(seconds.value ? { phaseSeconds: Number(seconds.value) } : {}),
      });
      localStorage.setItem(teachKey(String(r.code)), String(r.instructorToken));
      location.search = `?teach=${String(r.code)}`;
    },
  });
}

/** The console's join panel: the code, its QR, the link, and the projector view. */
function joinInfoPanel(code: string, joinUrl: string): HTMLElement {
  return h(
    'section',
    { class: 'panel join-info' },
    h('p', { class: 'join-code' }, 'Join code ', h('strong', { id: 'join-code' }, code)),
    h('img', {
      class: 'qr',
      alt: `QR code for ${joinUrl}`,
      src: `/api/sessions/${code}/qr.svg?url=${encodeURIComponent(joinUrl)}`,
    }),
    h('p', null, joinUrl),
    h('p', null, h('a', { href: `?project=${code}`, target: '_blank' }, 'Projector view')),
  );
}

/** The console's roster table around its body, which the session messages refill. */
function rosterPanel(roster: HTMLElement): HTMLElement {
  return h(
    'section',
    { class: 'panel roster-panel', 'aria-labelledby': 'roster-h' },
    h('h2', { id: 'roster-h' }, 'Roster'),
    h(
      'table',
      { class: 'roster' },
      h(
        'thead',
        null,
        h(
          'tr',
          null,
          h('th', { scope: 'col' }, 'Government'),
          h('th', { scope: 'col' }, 'Played by'),
          h('th', { scope: 'col' }, 'Connected'),
          h('th', { scope: 'col' }, 'This phase'),
          h('th', { scope: 'col' }, h('span', { class: 'sr-only' }, 'Seat')),
        ),
      ),
      roster,
    ),
  );
}

function instructorConsole(
  root: HTMLElement,
  worldOf: (id: string) => World | null,
  code: string,
  token: string,
): void {
  const joinUrl = `${location.origin}${location.pathname}?join=${code}`;
  const head = h('p', { class: 'classroom-head' });
  const clock = h('span', { class: 'countdown', role: 'timer', hidden: true });
  const news = h('div', { class: 'announcements' });
  const answer = h('p', { class: 'answer', role: 'status' });
  const roster = h('tbody');
  const injectSelect = h('select', { id: 'cls-inject' });
  const announceText = h('input', { id: 'cls-announce', maxlength: 500 });
  const seconds = h('input', { id: 'cls-deadline', type: 'number', min: 5, value: 120 });
  const debrief = h(
    'section',
    { class: 'debrief' },
    h('p', { class: 'outcome-why' }),
    h('div', { class: 'slot' }),
  );
  debrief.hidden = true;
  let world: World | null = null;
  let ended = false;
  const cmd = (command: string, extra: Json = {}): void => sock.send({ type: 'command', command, ...extra });
  const button = (label: string, onclick: () => void): HTMLButtonElement =>
    h('button', { type: 'button', onclick }, label);
  const download = async (path: string, name: string, type: string): Promise<void> => {
    const res = await fetch(`/api/sessions/${code}/${path}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    saveText(name, await res.text(), type);
  };
  // Each of these does something in one state of the game only, so it is offered only then.
  const startButton = button('Start', () => cmd('start'));
  const pauseButton = button('Pause', () => cmd('pause'));
  const resumeButton = button('Resume', () => cmd('resume'));
  const endButton = button('End the game', () => confirm('End the game for everyone?') && cmd('end'));
  fill(
    root,
    h(
      'main',
      { class: 'classroom instructor' },
      h('header', null, head, clock),
      joinInfoPanel(code, joinUrl),
      h(
        'section',
        { class: 'panel' },
        h('h2', null, 'Game'),
        startButton,
        pauseButton,
        resumeButton,
        endButton,
        h(
          'div',
          null,
          h('label', { for: 'cls-deadline' }, 'Seconds per phase '),
          seconds,
          button('Set deadline', () => cmd('deadline', { seconds: Number(seconds.value) })),
          button('Extend by 60 s', () => cmd('extend', { seconds: 60 })),
        ),
        h(
          'div',
          null,
          h('label', { for: 'cls-announce' }, 'Announcement '),
          announceText,
          button('Announce', () => cmd('announce', { text: announceText.value })),
        ),
        h(
          'div',
          null,
          h('label', { for: 'cls-inject' }, 'Scenario event '),
          injectSelect,
          button('Inject next round', () => cmd('inject', { event: injectSelect.value })),
        ),
        answer,
      ),
      h(
        'section',
        { class: 'panel' },
        h('h2', null, 'Exports'),
        button(
          'Download decisions (CSV)',
          () => void download('decisions.csv', `qpq-${code}-decisions.csv`, 'text/csv'),
        ),
        button(
          'Download record (JSON)',
          () => void download('record', `qpq-${code}-record.json`, 'application/json'),
        ),
        button('Release the class debrief to students', () => cmd('release')),
      ),
      news,
      rosterPanel(roster),
      debrief,
    ),
  );
  const setClock = countdown(clock);
  const sock = connect(
    code,
    token,
    (m) => {
      world ??= worldOf(m.session.scenario);
      const s = m.session;
      head.textContent = `${s.title} · class ${code} · round ${s.round}${s.phase ? `, ${s.phase}` : ''} · ${STATUS_TEXT[s.status]}`;
      setClock(s);
      startButton.disabled = s.status !== 'lobby';
      pauseButton.disabled = s.status !== 'running';
      resumeButton.disabled = s.status !== 'paused';
      endButton.disabled = s.status === 'ended';
      announcements(news, s);
      if (world && injectSelect.options.length === 0)
        fill(
          injectSelect,
          world.events.map((e) => h('option', { value: e.id }, e.name)),
        );
      fill(
        roster,
        rosterRows(m, (command, extra) => cmd(command, extra)),
      );
      if (s.status === 'ended' && world && !ended) {
        ended = true;
        void showDebrief(world);
      }
    },
    (a) => {
      answer.textContent =
        a.type === 'ack' ? 'Done.' : a.type === 'rejected' || a.type === 'error' ? String(a.message) : '';
    },
    () => undefined,
  );

  /** The class debrief: the game replayed here from its record, every seat's truth revealed. */
  async function showDebrief(w: World): Promise<void> {
    const record = (await api(`/api/sessions/${code}/record`, undefined, token)) as unknown as GameRecord;
    const { finished, views } = finishedGame(w, record);
    debrief.hidden = false;
    renderDebrief(debrief.querySelector('.slot')!, w, views[w.actors[0]!.id]!, finished);
  }
}

const badge = (kind: string, text: string): HTMLElement => h('span', { class: `badge ${kind}` }, text);

/**
 * The console's roster: a row per government (who plays it, whether one of them is connected, whether its move
 * is in this phase, and the button that gives it to a computer or back to a person), then a row per student
 * without a government (an observer, or waiting to be given one).
 */
export function rosterRows(m: ViewMessage, cmd: (command: string, extra: Json) => void): HTMLElement[] {
  const s = m.session;
  const roster = m.roster ?? [];
  const collecting = s.status !== 'lobby' && s.status !== 'ended' && s.phase !== null;
  const submitted = (m.view as { submitted?: Record<string, boolean> }).submitted ?? {};
  const rows = s.actors.map((a) => {
    const people = roster.filter((r) => r.actor === a.id && !r.observer);
    const computer = a.seat === 'computer';
    const online = people.filter((r) => r.connected).length;
    return h(
      'tr',
      { 'data-actor': a.id },
      h('th', { scope: 'row' }, a.name),
      h(
        'td',
        null,
        computer
          ? badge(
              'computer',
              people.length ? `Computer (for ${people.map((r) => r.name).join(', ')})` : 'Computer',
            )
          : people.length
            ? people.map((r) => r.name).join(', ')
            : h('span', { class: 'muted' }, 'Nobody yet'),
      ),
      h(
        'td',
        null,
        computer || people.length === 0
          ? h('span', { class: 'muted' }, '—')
          : online
            ? badge('ok', people.length > 1 ? `${online} of ${people.length} online` : 'Online')
            : badge('off', 'Offline'),
      ),
      h(
        'td',
        null,
        !collecting
          ? h('span', { class: 'muted' }, '—')
          : computer
            ? badge('computer', 'Computer decides')
            : submitted[a.id]
              ? badge('ok', 'Sent')
              : badge('wait', 'Waiting'),
      ),
      h(
        'td',
        null,
        h(
          'button',
          {
            type: 'button',
            disabled: s.status === 'ended',
            onclick: () => cmd(computer ? 'human' : 'computer', { actor: a.id }),
          },
          computer ? `Person plays ${a.name}` : `Computer plays ${a.name}`,
        ),
      ),
    );
  });
  const others = roster
    .filter((r) => r.observer || !r.actor)
    .map((r) =>
      h(
        'tr',
        { class: 'unseated' },
        h(
          'th',
          { scope: 'row' },
          r.observer ? 'Observer' : h('span', { class: 'muted' }, 'No government yet'),
        ),
        h('td', null, r.name),
        h('td', null, r.connected ? badge('ok', 'Online') : badge('off', 'Offline')),
        h('td', null, h('span', { class: 'muted' }, '—')),
        h('td', null),
      ),
    );
  return [...rows, ...others];
}

function projector(
  root: HTMLElement,
  worldOf: (id: string) => World | null,
  code: string,
  token: string,
): void {
  const head = h('h1', { class: 'projector-head' });
  const clock = h('p', { class: 'countdown big', role: 'timer', hidden: true });
  const news = h('div', { class: 'announcements big' });
  const log = h('ul', { class: 'projector-log' });
  fill(root, h('main', { class: 'classroom projector' }, head, clock, news, log));
  const setClock = countdown(clock);
  connect(
    code,
    token,
    (m) => {
      const s = m.session;
      const v = m.view as unknown as PublicView;
      const world = worldOf(s.scenario);
      head.textContent = `${s.title} · join with ${code} · round ${s.round} (${v.date}) · tension ${Math.round(v.tension)}`;
      setClock(s);
      announcements(news, s);
      if (world) {
        // Sentences over the whole log, so an event the room has seen before is named, not told again.
        const texts = logTexts(v.log, { world });
        fill(
          log,
          v.log
            .map((e, k) => `Round ${e.round}: ${texts[k]}`)
            .slice(-8)
            .reverse()
            .map((line) => h('li', null, line)),
        );
      }
    },
    () => undefined,
    () => undefined,
  );
}
