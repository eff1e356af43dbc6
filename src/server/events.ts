/**
 * What the event log holds: every accepted input and every instructor command, and every change the server
 * makes on its own (a deadline set or passed, a computer taking an absent seat). Replaying a session's events
 * in order rebuilds it exactly.
 */
import type { ActorId, PhaseInput } from '../engine/index.ts';
import type { Seat } from './game.ts';

export type RoomEvent =
  | {
      kind: 'created';
      scenario: string;
      seed: string;
      instructor: string;
      /** Seconds each phase lasts once the game runs; null: no deadline. */
      phaseSeconds: number | null;
    }
  | { kind: 'joined'; seat: number; token: string; name: string; actor: ActorId | null; observer: boolean }
  | { kind: 'assigned'; seat: number; actor: ActorId | null }
  | {
      kind: 'input';
      actor: ActorId;
      /** The round it was entered in (for exports; the game knows it anyway). */
      round: number;
      seat: number | null;
      input: PhaseInput;
      by: 'student' | 'deadline';
    }
  | {
      kind: 'seat';
      actor: ActorId;
      seat: Seat;
      reason: 'start' | 'absent' | 'returned' | 'joined' | 'instructor';
    }
  | { kind: 'started' }
  /** The time left on the phase's deadline when paused (null: none). */
  | { kind: 'paused'; remainingMs: number | null }
  | { kind: 'resumed' }
  | { kind: 'deadline'; phase: string; at: number | null }
  | { kind: 'phaseSeconds'; seconds: number | null }
  | { kind: 'announced'; text: string }
  /** One of the scenario's events, to fire at the start of the next round. */
  | { kind: 'injected'; event: string }
  | { kind: 'ended' }
  /** The instructor gives the students the finished game's record, for the class debrief on their screens. */
  | { kind: 'released' };
