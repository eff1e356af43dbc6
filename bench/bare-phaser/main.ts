/**
 * The bare Phaser page of `qpq bench --browser`: one empty scene in a Game made as the board's is (same
 * renderer choice, canvas size, background and scale mode), so the board's start can be compared with
 * Phaser's own. `?w=&h=` give the canvas size in pixels and `&shown=` the width it is shown at. Like the
 * board, it sets `data-ready="frame"` on its container once the first frame after the scene's create is drawn.
 */
import * as Phaser from 'phaser';

const q = new URLSearchParams(window.location.search);
const width = Number(q.get('w')) || 640;
const height = Number(q.get('h')) || 436;
const parent = document.getElementById('board')!;
parent.style.width = `${Number(q.get('shown')) || width}px`;

class Empty extends Phaser.Scene {
  constructor() {
    super({ key: 'empty' });
  }

  create(): void {
    this.game.events.once(Phaser.Core.Events.POST_RENDER, () => (parent.dataset.ready = 'frame'));
  }
}

new Phaser.Game({
  type: Phaser.AUTO,
  parent,
  width,
  height,
  backgroundColor: '#cadce8',
  scene: new Empty(),
  banner: false,
  audio: { noAudio: true },
  scale: { mode: Phaser.Scale.FIT, autoCenter: Phaser.Scale.NO_CENTER },
  render: { antialias: true },
});
