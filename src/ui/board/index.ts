/** Starts the Phaser game that holds the board scene, inside a parent element. Loaded lazily with Phaser. */
import * as Phaser from 'phaser';
import { loadAtlas } from './atlas.ts';
import './board.css';
import { animationControls, savedSpeed } from './playback.ts';
import { BOARD_HEIGHT, BOARD_WIDTH, BoardScene, pixelsFor } from './scene.ts';
import type { BoardModel, Layers } from './model.ts';
import { Sounds } from './sound.ts';

export interface Board {
  show(model: BoardModel, layers: Layers): void;
  destroy(): void;
  /** Ends the moves being animated at once. */
  skipAnimation(): void;
  /** True while moves are being animated. */
  readonly animating: boolean;
}

/**
 * Mounts the board in `parent`, and its animation controls (skip, speed, sound) just after it.
 * Animations wait while a modal dialog is open, and are shown in place when the player prefers reduced motion.
 */
export function mountBoard(parent: HTMLElement): Board {
  const sounds = new Sounds();
  const reduced = window.matchMedia?.('(prefers-reduced-motion: reduce)');
  let controls: ReturnType<typeof animationControls> | null = null;
  const px = pixelsFor(parent.clientWidth, window.devicePixelRatio);
  const scene = new BoardScene(
    {
      hold: () => document.querySelector('dialog[open]') !== null,
      motion: () => !reduced?.matches,
      sound: (cue) => sounds.play(cue),
      changed: (state) => controls?.update(state),
    },
    px,
  );
  scene.player.speed = savedSpeed();
  controls = animationControls({
    sounds,
    speed: scene.player.speed,
    onSkip: () => scene.player.skip(),
    onSpeed: (s) => (scene.player.speed = s),
  });
  // After the box the canvas shares with the buttons over it, so that the buttons' box is the canvas's.
  (parent.closest('.board-stage') ?? parent).after(controls.element);
  const game = new Phaser.Game({
    type: Phaser.AUTO,
    parent,
    width: Math.round(BOARD_WIDTH * px),
    height: Math.round(BOARD_HEIGHT * px),
    backgroundColor: '#cadce8',
    scene,
    banner: false,
    audio: { noAudio: true },
    scale: { mode: Phaser.Scale.FIT, autoCenter: Phaser.Scale.NO_CENTER },
    render: { antialias: true },
  });
  // The board may mount while hidden (a hand-over screen) or change size with the window: fit it again.
  const resize = new ResizeObserver(() => game.scale.refresh());
  resize.observe(parent);
  let alive = true;
  loadAtlas().then(
    (atlas) => alive && scene.setAtlas(atlas),
    (e: unknown) => console.warn(e),
  );
  return {
    show: (model, layers) => scene.show(model, layers),
    destroy: () => {
      alive = false;
      resize.disconnect();
      controls?.element.remove();
      game.destroy(true);
    },
    skipAnimation: () => scene.player.skip(),
    get animating() {
      return scene.player.playing;
    },
  };
}
