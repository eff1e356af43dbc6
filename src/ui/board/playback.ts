/**
 * The animation controls under the board: skip, speed, sound, and a caption that reads out what is playing.
 * Plain DOM, so every control is a real button or select that the keyboard and screen readers reach.
 */
import type { Sounds } from './sound.ts';

const SPEED_KEY = 'qpq.animationSpeed';
export const SPEEDS = [1, 2, 4] as const;

export interface AnimationControls {
  element: HTMLElement;
  /** Shows what is playing now (empty when nothing is). */
  update(state: { playing: boolean; caption: string; left: number }): void;
}

export function savedSpeed(): number {
  try {
    const n = Number(localStorage.getItem(SPEED_KEY));
    return (SPEEDS as readonly number[]).includes(n) ? n : 1;
  } catch {
    return 1;
  }
}

export function animationControls(opts: {
  sounds: Sounds;
  speed: number;
  onSkip(): void;
  onSpeed(speed: number): void;
}): AnimationControls {
  const el = (tag: string, attrs: Record<string, string>, text = ''): HTMLElement => {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
    if (text) e.textContent = text;
    return e;
  };
  const bar = el('div', { class: 'board-anim', role: 'group', 'aria-label': 'Board animation' });
  const caption = el('p', { class: 'board-anim-caption', 'aria-live': 'polite' });
  const skip = el('button', { type: 'button', class: 'small' }, 'Skip animation') as HTMLButtonElement;
  skip.disabled = true;
  skip.addEventListener('click', () => opts.onSkip());

  const speedLabel = el('label', { class: 'board-anim-speed' }, 'Speed ');
  const speed = el('select', { 'aria-label': 'Animation speed' }) as HTMLSelectElement;
  for (const s of SPEEDS) {
    const o = el('option', { value: String(s) }, `${s}×`) as HTMLOptionElement;
    o.selected = s === opts.speed;
    speed.append(o);
  }
  speed.addEventListener('change', () => {
    const n = Number(speed.value);
    try {
      localStorage.setItem(SPEED_KEY, String(n));
    } catch {
      // The choice lasts for this page only.
    }
    opts.onSpeed(n);
  });
  speedLabel.append(speed);

  const sound = el('button', { type: 'button', class: 'small quiet' }) as HTMLButtonElement;
  const showSound = (): void => {
    sound.textContent = opts.sounds.muted ? 'Sound: off' : 'Sound: on';
    sound.setAttribute('aria-pressed', String(!opts.sounds.muted));
  };
  sound.setAttribute('aria-label', 'Sound effects');
  sound.addEventListener('click', () => {
    opts.sounds.setMuted(!opts.sounds.muted);
    showSound();
  });
  showSound();

  bar.append(skip, speedLabel, sound, caption);
  return {
    element: bar,
    update({ playing, caption: text, left }) {
      skip.disabled = !playing;
      bar.classList.toggle('playing', playing);
      caption.textContent = playing ? (left > 0 ? `${text} (${left} more)` : text) : '';
    },
  };
}
