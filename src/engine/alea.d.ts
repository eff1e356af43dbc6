// Types for the one seedrandom generator the engine uses, imported directly so the
// browser bundle never pulls seedrandom's Node-only auto-seeding.
declare module 'seedrandom/lib/alea.js' {
  interface AleaState {
    c: number;
    s0: number;
    s1: number;
    s2: number;
  }
  interface AleaPrng {
    (): number;
    int32(): number;
    double(): number;
    quick(): number;
    state(): AleaState;
  }
  function alea(seed: string, options: { state: AleaState | true }): AleaPrng;
  export default alea;
}
