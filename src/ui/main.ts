/** The browser entry: load the bundled content, show the menu, run or replay a game, come back to the menu. */
import '@fontsource/inter/latin-400.css';
import '@fontsource/inter/latin-600.css';
import '@fontsource/inter/latin-700.css';
import './style.css';
import { loadContent } from './content.ts';
import { startGameScreen } from './game.ts';
import { renderMenu } from './menu.ts';
import { startReplayScreen } from './replay.ts';
import { replayFrames } from './replay.ts';
import { saveFileOf } from './saves.ts';
import { newSession } from './session.ts';
import type { Session } from './session.ts';

const root = document.getElementById('app')!;
const content = await loadContent();

function play(session: Session): void {
  document.title = `Quid Pro Quo — ${session.world.title}`;
  startGameScreen(root, session, {
    onQuit: menu,
    onReplay: (s) => {
      const save = saveFileOf(s, s.world.title);
      startReplayScreen(root, s.loaded, replayFrames(s.loaded, save), {
        title: save.title,
        save,
        onQuit: menu,
      });
    },
  });
}

function menu(): void {
  document.title = 'Quid Pro Quo';
  renderMenu(root, content, (r) => {
    if (r.kind === 'new') play(newSession(r.choice.loaded, r.choice));
    else if (r.kind === 'resume') play(r.session);
    else {
      document.title = `Quid Pro Quo — replay of ${r.title}`;
      startReplayScreen(root, r.loaded, r.frames, { title: r.title, save: r.save, onQuit: menu });
    }
  });
}

menu();
