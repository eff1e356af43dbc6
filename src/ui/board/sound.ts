/**
 * The board's sound effects, made with the Web Audio API (no sound files): short tones and noise bursts.
 * Muted unless the player turns sound on; the choice is remembered in localStorage.
 */
export type Cue = 'travel' | 'good' | 'bad' | 'blast' | 'card' | 'deal';

const KEY = 'qpq.sound';

function readSaved(): string | null {
  try {
    return localStorage.getItem(KEY);
  } catch {
    return null;
  }
}

export class Sounds {
  private ctx: AudioContext | null = null;
  private on: boolean;

  constructor() {
    this.on = readSaved() === 'on';
  }

  get muted(): boolean {
    return !this.on;
  }

  setMuted(muted: boolean): void {
    this.on = !muted;
    try {
      localStorage.setItem(KEY, this.on ? 'on' : 'off');
    } catch {
      // Private browsing: the choice lasts for this page only.
    }
    if (this.on) void this.context()?.resume();
  }

  play(cue: Cue): void {
    if (!this.on) return;
    const ctx = this.context();
    if (!ctx || ctx.state !== 'running') return;
    const t = ctx.currentTime;
    switch (cue) {
      case 'travel':
        this.tone(ctx, t, 520, 780, 0.18, 'sine', 0.08);
        break;
      case 'good':
        this.tone(ctx, t, 660, 660, 0.12, 'triangle', 0.1);
        this.tone(ctx, t + 0.1, 880, 880, 0.18, 'triangle', 0.1);
        break;
      case 'bad':
        this.tone(ctx, t, 330, 220, 0.3, 'sawtooth', 0.05);
        break;
      case 'blast':
        this.noise(ctx, t, 0.45, 0.25);
        this.tone(ctx, t, 120, 45, 0.45, 'sine', 0.2);
        break;
      case 'card':
        this.tone(ctx, t, 440, 440, 0.08, 'square', 0.03);
        this.tone(ctx, t + 0.09, 587, 587, 0.12, 'square', 0.03);
        break;
      case 'deal':
        for (const [k, f] of [523, 659, 784].entries())
          this.tone(ctx, t + k * 0.08, f, f, 0.22, 'sine', 0.08);
        break;
    }
  }

  private context(): AudioContext | null {
    if (this.ctx) return this.ctx;
    const Ctor = globalThis.AudioContext as typeof AudioContext | undefined;
    if (!Ctor) return null;
    this.ctx = new Ctor();
    return this.ctx;
  }

  private tone(
    ctx: AudioContext,
    at: number,
    from: number,
    to: number,
    length: number,
    type: OscillatorType,
    volume: number,
  ): void {
    const osc = ctx.createOscillator();
    const gain = ctx.createGain();
    osc.type = type;
    osc.frequency.setValueAtTime(from, at);
    osc.frequency.exponentialRampToValueAtTime(Math.max(1, to), at + length);
    gain.gain.setValueAtTime(0.0001, at);
    gain.gain.exponentialRampToValueAtTime(volume, at + 0.015);
    gain.gain.exponentialRampToValueAtTime(0.0001, at + length);
    osc.connect(gain).connect(ctx.destination);
    osc.start(at);
    osc.stop(at + length + 0.02);
  }

  private noise(ctx: AudioContext, at: number, length: number, volume: number): void {
    const frames = Math.floor(ctx.sampleRate * length);
    const buffer = ctx.createBuffer(1, frames, ctx.sampleRate);
    const data = buffer.getChannelData(0);
    // Sound texture only, not game randomness.
    for (let k = 0; k < frames; k++) data[k] = (Math.random() * 2 - 1) * (1 - k / frames) ** 2;
    const src = ctx.createBufferSource();
    const gain = ctx.createGain();
    const filter = ctx.createBiquadFilter();
    filter.type = 'lowpass';
    filter.frequency.value = 900;
    src.buffer = buffer;
    gain.gain.value = volume;
    src.connect(filter).connect(gain).connect(ctx.destination);
    src.start(at);
  }
}
