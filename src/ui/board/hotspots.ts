/**
 * The board's DOM layer: a button over each government's marker, reachable by keyboard and named for screen
 * readers, and a card with the player's relations with that government and a way to start an offer to it.
 * It reads only the board model and its layout (no Phaser), so it works before the canvas has loaded.
 */
import type { ActorId } from '../../engine/index.ts';
import { fill, h, uid } from '../kit/dom.ts';
import { BOARD_HEIGHT, BOARD_WIDTH, DEAL_STYLE, R, markerPositions } from './layout.ts';
import { trustBand } from './model.ts';
import type { BoardDeal, BoardModel } from './model.ts';

export interface HotspotOptions {
  /** Starts an offer to this government (the composer opens with it as the partner); absent: no offers here. */
  onOffer?: (to: ActorId) => void;
}

export interface Hotspots {
  /** The layer, to place over the board's canvas (in a positioned box of the board's proportions). */
  readonly element: HTMLElement;
  update(model: BoardModel): void;
}

const pct = (v: number, of: number): string => `${((v / of) * 100).toFixed(3)}%`;

export function boardHotspots(opts: HotspotOptions = {}): Hotspots {
  const layer = h('div', { class: 'board-hotspots', role: 'group', 'aria-label': 'Governments on the map' });
  const cardId = uid('board-card');
  const card = h('section', {
    class: 'board-card',
    id: cardId,
    role: 'dialog',
    'aria-modal': 'false',
    hidden: true,
  });
  let model: BoardModel | null = null;
  let open: ActorId | null = null;
  const buttons = new Map<ActorId, HTMLButtonElement>();

  const close = (focus = true): void => {
    const was = open;
    open = null;
    card.hidden = true;
    for (const b of buttons.values()) b.setAttribute('aria-expanded', 'false');
    if (focus && was) buttons.get(was)?.focus();
  };
  card.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      close();
    }
  });
  layer.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && open) {
      e.preventDefault();
      close();
    }
  });

  function show(id: ActorId): void {
    if (!model) return;
    if (open === id) return close();
    open = id;
    fillCard(model, id);
    const at = markerPositions(model).get(id)!;
    // Beside the marker, on the side with more room, inside the board.
    const right = at.x < BOARD_WIDTH / 2;
    card.style.left = right ? pct(at.x + R + 8, BOARD_WIDTH) : '';
    card.style.right = right ? '' : pct(BOARD_WIDTH - at.x + R + 8, BOARD_WIDTH);
    card.style.top = pct(Math.min(Math.max(at.y - 60, 34), BOARD_HEIGHT - 220), BOARD_HEIGHT);
    card.hidden = false;
    // A long card (many deals) is lifted until it ends inside the board, instead of hanging below it.
    const box = card.parentElement;
    const over = box ? card.offsetTop + card.offsetHeight - (box.clientHeight - 4) : 0;
    if (over > 0) card.style.top = `${Math.max(4, card.offsetTop - over)}px`;
    for (const [k, b] of buttons) b.setAttribute('aria-expanded', String(k === id));
    card.querySelector<HTMLElement>('h3')?.focus();
  }

  function fillCard(m: BoardModel, id: ActorId): void {
    const a = m.actors.find((x) => x.id === id)!;
    const name = (x: ActorId): string => m.actors.find((y) => y.id === x)?.name ?? x;
    const headId = uid('board-card-h');
    card.setAttribute('aria-labelledby', headId);
    const items = relationLines(m, id);
    const canOffer =
      !a.isMe &&
      a.present &&
      opts.onOffer !== undefined &&
      m.phase === 'proposing' &&
      m.contacts.includes(id);
    const why = a.isMe ? null : offerProblem(m, a, opts.onOffer !== undefined);
    fill(
      card,
      h('h3', { id: headId, tabindex: '-1' }, a.isMe ? `${a.name} (you)` : a.name),
      h('p', { class: 'hint' }, `${a.organisation ? 'Head' : 'Leader'}: ${a.leader} · ${a.capital}`),
      h(
        'ul',
        null,
        items.map((t) => h('li', null, t)),
      ),
      why ? h('p', { class: 'hint' }, why) : null,
      h(
        'div',
        { class: 'board-card-buttons' },
        canOffer
          ? h(
              'button',
              {
                type: 'button',
                class: 'primary small',
                onclick: () => {
                  close(false);
                  opts.onOffer!(id);
                },
              },
              `Make an offer to ${name(id)}`,
            )
          : null,
        h('button', { type: 'button', class: 'small', onclick: () => close() }, 'Close'),
      ),
    );
  }

  return {
    element: h('div', { class: 'board-layer' }, layer, card),
    update(m: BoardModel): void {
      model = m;
      const at = markerPositions(m);
      const ids = new Set(m.actors.map((a) => a.id));
      for (const [id, b] of buttons)
        if (!ids.has(id)) {
          b.remove();
          buttons.delete(id);
        }
      for (const a of m.actors) {
        let b = buttons.get(a.id);
        if (!b) {
          const id = a.id;
          b = h('button', {
            type: 'button',
            class: 'board-spot',
            'aria-haspopup': 'dialog',
            'aria-controls': cardId,
            'aria-expanded': 'false',
            onclick: () => show(id),
          });
          buttons.set(a.id, b);
          layer.append(b);
        }
        const p = at.get(a.id)!;
        const size = 2 * R + 8;
        b.style.left = pct(p.x - size / 2, BOARD_WIDTH);
        b.style.top = pct(p.y - size / 2, BOARD_HEIGHT);
        b.style.width = pct(size, BOARD_WIDTH);
        b.style.height = pct(size, BOARD_HEIGHT);
        b.dataset.actor = a.id;
        b.setAttribute('aria-label', spotName(m, a.id));
        b.title = spotName(m, a.id);
      }
      if (open && ids.has(open)) fillCard(m, open);
      else if (open) close(false);
    },
  };
}

/** The button's accessible name: the government and the gist of your relations with it. */
export function spotName(m: BoardModel, id: ActorId): string {
  const a = m.actors.find((x) => x.id === id)!;
  const deals = m.deals.filter((d) => d.active && d.parties.includes(id) && d.parties.includes(m.me));
  const dealWord = `${deals.length || 'no'} deal${deals.length === 1 ? '' : 's'} in force with you`;
  if (a.isMe) {
    const mine = m.deals.filter((d) => d.active && d.parties.includes(m.me)).length;
    return `${a.name} (you): ${mine || 'no'} deal${mine === 1 ? '' : 's'} in force; your relations`;
  }
  const t = m.trust.find((x) => x.to === id);
  const parts = [
    t ? `trust ${Math.round(t.value)} from you (${trustBand(t.value).word}), its trust in you hidden` : null,
    sanctionWords(m, id),
    dealWord,
  ].filter((x): x is string => x !== null);
  const action =
    m.phase === 'proposing' && m.contacts.includes(id) && a.present && !m.over
      ? 'relations and offer'
      : 'relations';
  return `${a.name}${a.present ? '' : ' (away from the table)'}: ${parts.join('; ')}; ${action}`;
}

/** Why no offer can be started to `a` from the map now, or null when one can. */
function offerProblem(m: BoardModel, a: BoardModel['actors'][number], offers: boolean): string | null {
  if (m.over) return 'The game is over.';
  if (!a.present) {
    if (a.joins !== undefined && m.round < a.joins)
      return `${a.name} is not at the table yet: it joins in round ${a.joins}. No offer can include it before then.`;
    if (a.leaves !== undefined && m.round >= a.leaves)
      return `${a.name} left the table in round ${a.leaves}: no offer can include it now.`;
    return `${a.name} is not at the table this round: no offer can include it.`;
  }
  if (m.phase !== 'proposing') return 'Offers are made in phase 1 of each round (Propose deals).';
  const refusal = m.refusals.find((r) => r.id === a.id);
  // The card's lines say why already (`relationLines`).
  if (refusal) return 'No offer can include both of you.';
  if (!m.contacts.includes(a.id))
    return `You cannot offer ${a.name} a deal directly: your trust in it is below ${m.contactTrust} and no hotline or backchannel is open. A mediator can carry an offer.`;
  return offers ? null : 'Offers are not made from this screen.';
}

function sanctionWords(m: BoardModel, id: ActorId): string | null {
  const mine = m.sanctions.find((s) => s.from === m.me && s.to === id);
  const theirs = m.sanctions.find((s) => s.from === id && s.to === m.me);
  const out = [
    mine ? `you sanction it (level ${mine.level})` : null,
    theirs ? `it sanctions you (level ${theirs.level})` : null,
  ].filter((x): x is string => x !== null);
  return out.length ? out.join(', ') : null;
}

function dealWords(d: BoardDeal, name: (id: ActorId) => string, me: ActorId): string {
  const others = d.parties.filter((p) => p !== me).map(name);
  const state = d.active
    ? `${DEAL_STYLE[d.state].word}${d.state === 'kept' ? ' so far' : ''}, ${d.done} of ${d.steps} step${d.steps === 1 ? '' : 's'} done`
    : 'broken';
  return `Deal #${d.id} with ${others.join(', ')}: ${state}. Terms: ${d.terms.join('; ')}.`;
}

/** What the card says of your relations with one government (or, for yourself, your standing). */
export function relationLines(m: BoardModel, id: ActorId): string[] {
  const name = (x: ActorId): string => m.actors.find((y) => y.id === x)?.name ?? x;
  const a = m.actors.find((x) => x.id === id)!;
  const out: string[] = [];
  if (a.isMe) {
    const on = m.sanctions.filter((s) => s.to === id).map((s) => `${name(s.from)} (level ${s.level})`);
    out.push(on.length ? `Sanctions on you: ${on.join(', ')}.` : 'No one sanctions you.');
    const by = m.sanctions.filter((s) => s.from === id).map((s) => `${name(s.to)} (level ${s.level})`);
    if (by.length) out.push(`You sanction ${by.join(', ')}.`);
    const deals = m.deals.filter((d) => d.parties.includes(id));
    if (deals.length) for (const d of deals) out.push(dealWords(d, name, m.me));
    else out.push('No deal of yours in force.');
    return out;
  }
  const t = m.trust.find((x) => x.to === id);
  if (t) out.push(`Your trust in ${a.name}: ${Math.round(t.value)} of 100 (${trustBand(t.value).word}).`);
  out.push(`${a.name}’s trust in you: secret until the game ends (it follows what it saw you do).`);
  const refusal = m.refusals.find((r) => r.id === id);
  out.push(
    m.contacts.includes(id)
      ? 'You can make it offers directly.'
      : refusal
        ? `${refusal.text} No deal can bind you both, even through a mediator.`
        : 'You cannot make it offers directly (too little trust, no open channel).',
  );
  out.push(
    sanctionWords(m, id)
      ?.replace(/^./, (c) => c.toUpperCase())
      .concat('.') ?? 'No sanctions between you.',
  );
  const channels = m.channels
    .filter((c) => (c.a === m.me && c.b === id) || (c.b === m.me && c.a === id))
    .map((c) => c.kind);
  if (channels.length) out.push(`Open between you: ${channels.join(' and ')}.`);
  if (m.alliances.some(([x, y]) => (x === m.me && y === id) || (y === m.me && x === id)))
    out.push('Your ally.');
  const mine = m.deals.filter((d) => d.parties.includes(id) && d.parties.includes(m.me));
  if (mine.length) for (const d of mine) out.push(dealWords(d, name, m.me));
  else out.push('No deal with you in force.');
  const others = m.deals.filter((d) => d.active && d.parties.includes(id) && !d.parties.includes(m.me));
  if (others.length)
    out.push(
      `Its other deals: ${others
        .map(
          (d) =>
            `#${d.id} with ${d.parties
              .filter((p) => p !== id)
              .map(name)
              .join(', ')} (${DEAL_STYLE[d.state].word})`,
        )
        .join('; ')}.`,
    );
  return out;
}
