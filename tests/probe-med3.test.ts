import { it } from 'vitest';
import { computerChooser, strategyById } from '../src/ai/index.ts';
import { readScenario } from '../src/cli/files.ts';
import { runGame, startGame } from '../src/engine/index.ts';
it('probe', () => {
  for (const id of ['panmunjom-2018', 'hanoi-2019']) {
    const w = readScenario(id).world;
    let offers = 0, signed = 0, byPair: Record<string, number> = {}, sig: Record<string, number> = {};
    for (let g = 0; g < 10; g++) {
      const seed = 'p' + g;
      const seats = Object.fromEntries(w.actors.map((a) => [a.id, strategyById('objective')]));
      const end = runGame(w, startGame(w, seed), computerChooser(w, seed, seats));
      for (const o of end.offers) if (o.mediator) { offers++; const k = o.mediator + ':' + o.parties.join('-'); byPair[k] = (byPair[k] ?? 0) + 1; }
      for (const a of end.agreements) if (a.mediator) { signed++; const k = a.mediator + ':' + a.parties.join('-'); sig[k] = (sig[k] ?? 0) + 1; }
    }
    console.log('RESULT', id, 'mediated offers', offers, JSON.stringify(byPair), 'signed', signed, JSON.stringify(sig));
  }
}, 600000);
