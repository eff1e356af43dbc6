/** The browser entry: load the bundled content, show the menu, run a game, come back to the menu. */
import '@fontsource/inter/latin-400.css';
import '@fontsource/inter/latin-600.css';
import '@fontsource/inter/latin-700.css';
import './style.css';
import { loadContent } from './content.ts';
import { startGameScreen } from './game.ts';
import { renderMenu } from './menu.ts';

const root = document.getElementById('app')!;
const content = loadContent();

function menu(): void {
  document.title = 'Quid Pro Quo';
  renderMenu(root, content, (choice) => {
    document.title = `Quid Pro Quo — ${choice.loaded.world.title}`;
    startGameScreen(root, choice, menu);
  });
}

menu();
