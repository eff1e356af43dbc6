/** Starts the Phaser game that holds the board scene, inside a parent element. Loaded lazily with Phaser. */
import * as Phaser from 'phaser';
import { BOARD_HEIGHT, BOARD_WIDTH, BoardScene } from './scene.ts';
import type { BoardModel, Layers } from './model.ts';

export interface Board {
  show(model: BoardModel, layers: Layers): void;
  destroy(): void;
}

export function mountBoard(parent: HTMLElement): Board {
  const scene = new BoardScene();
  const game = new Phaser.Game({
    type: Phaser.AUTO,
    parent,
    width: BOARD_WIDTH,
    height: BOARD_HEIGHT,
    backgroundColor: '#cadce8',
    scene,
    banner: false,
    audio: { noAudio: true },
    scale: { mode: Phaser.Scale.FIT, autoCenter: Phaser.Scale.NO_CENTER },
    render: { antialias: true },
  });
  return {
    show: (model, layers) => scene.show(model, layers),
    destroy: () => game.destroy(true),
  };
}
