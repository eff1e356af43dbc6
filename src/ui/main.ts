/**
 * The browser entry: load the bundled content, show the menu, run or replay a game, come back to the menu.
 * An address ending in `#game=…` (a shared game) opens the menu offering that game, or saying what is wrong.
 */
import '@fontsource/inter/latin-400.css';
import '@fontsource/inter/latin-600.css';
import '@fontsource/inter/latin-700.css';
import './style.css';
import { loadContent } from './kit/content.ts';
import { startClassroom } from './screens/classroom.ts';
import { startGameScreen } from './screens/game.ts';
import { renderMenu } from './screens/menu.ts';
import { startReplayScreen } from './screens/replay.ts';
import { replayFrames } from './screens/replay.ts';
import { saveFileOf } from './records/saves.ts';
import { newSession } from './play/session.ts';
import type { Session } from './play/session.ts';
import { readShared, sharedPayload } from './records/share.ts';
import type { SharedGame } from './records/share.ts';

const root = document.getElementById('app')!;
const content = await loadContent();

/** True while a game (not the menu) is on the screen. */
let playing = false;

/** Leaves a shared game's fragment out of the address once the game it carried has been opened. */
function forgetLink(): void {
  if (sharedPayload(window.location.hash) !== null)
    history.replaceState(null, '', window.location.pathname + window.location.search);
}

function play(session: Session): void {
  playing = true;
  forgetLink();
  document.title = `Quid Pro Quo — ${session.world.title}`;
  startGameScreen(root, session, {
    onQuit: () => menu(),
    onReplay: (s) => {
      const save = saveFileOf(s, s.world.title);
      startReplayScreen(root, s.loaded, replayFrames(s.loaded, save), {
        title: save.title,
        save,
        onQuit: () => menu(),
      });
    },
  });
}

function menu(shared: SharedGame | null = null): void {
  playing = false;
  document.title = 'Quid Pro Quo';
  renderMenu(
    root,
    content,
    (r) => {
      if (r.kind === 'new') play(newSession(r.choice.loaded, r.choice));
      else if (r.kind === 'resume') play(r.session);
      else {
        playing = true;
        forgetLink();
        document.title = `Quid Pro Quo — replay of ${r.title}`;
        startReplayScreen(root, r.loaded, r.frames, { title: r.title, save: r.save, onQuit: () => menu() });
      }
    },
    shared,
  );
  if (shared) root.querySelector<HTMLElement>('.shared-game button, .shared-game [role=alert]')?.focus();
}

// A link pasted into this tab's address bar changes only the fragment: open it as if the page had loaded.
window.addEventListener('hashchange', () => {
  if (sharedPayload(window.location.hash) === null) return;
  if (
    playing &&
    !window.confirm('Open the shared game? This game is left where it is (save it first to keep it).')
  )
    return;
  void readShared(window.location.hash, content).then((r) => menu(r));
});

// ?teach, ?join and ?project open the classroom pages (a session on the classroom server) instead of the menu.
if (!startClassroom(root, content, new URLSearchParams(window.location.search)))
  menu(await readShared(window.location.hash, content));

// While the player reads the menu, fetch and start the board's code (Phaser) and its map, so the board is
// drawn as soon as a game starts rather than after Phaser loads (both are cached modules, loaded once).
setTimeout(() => {
  void import('./board/index.ts').catch(() => undefined);
  void import('./board/atlas.ts').then((m) => m.loadAtlas()).catch(() => undefined);
}, 0);
