/**
 * A game shared as a link: the save file (the engine's game record, with its title) compressed with the
 * browser's own deflate and written in base64url after `#game=` in the page's address. Nothing leaves the
 * browser until the player sends the link; the fragment is never sent to the server. Opening a link checks it
 * exactly as a save file is checked (`parseSave`), and a damaged or foreign one gets a sentence, never an error.
 *
 *     const link = await shareLink(save, location.href); // https://…/#game=…
 *     const r = await readShared(new URL(link).hash, content); // { ok: true, save, loaded } or { ok: false, problem }
 */
import type { LoadedScenario } from '../../scenario/index.ts';
import type { Content } from '../kit/content.ts';
import { fill, h, uid } from '../kit/dom.ts';
import { parseSave } from './saves.ts';
import type { SaveFile } from './saves.ts';

export const SHARE_PARAM = 'game';
/** Where a shared game's problems are said to come from. */
export const SHARED_WHERE = 'The shared link';
/**
 * Beyond this many characters a link of a finished game loses the computer players' explanations (a game under
 * way carries none: see `saveFileOf`): some mail and chat programs cut long addresses. A whole game with its
 * explanations is about 7,000 characters.
 */
export const MAX_PAYLOAD = 32_000;

/** A game record is a few hundred kilobytes at most; a link that unpacks to more is not one. */
const MAX_UNPACKED = 16 * 1024 * 1024;

async function pipe(bytes: Uint8Array, stream: CompressionStream | DecompressionStream): Promise<Uint8Array> {
  const reader = new Blob([bytes as BlobPart]).stream().pipeThrough(stream).getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    size += value.length;
    if (size > MAX_UNPACKED) {
      await reader.cancel();
      throw new Error('too large');
    }
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

function toBase64url(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** The bytes of a base64url text, or null when it is not one. */
function fromBase64url(text: string): Uint8Array | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) return null;
  const b64 = text.replace(/-/g, '+').replace(/_/g, '/');
  try {
    const binary = atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4));
    return Uint8Array.from(binary, (c) => c.charCodeAt(0));
  } catch {
    return null;
  }
}

/** The save without the computer players' `why` sentences. */
function withoutWhy(save: SaveFile): SaveFile {
  return {
    ...save,
    record: {
      ...save.record,
      inputs: save.record.inputs.map((r) => {
        const { why: _why, ...input } = r.input as { why?: unknown; phase: 'proposing' };
        return { ...r, input };
      }),
    },
  };
}

export interface Encoded {
  /** The text after `#game=`. */
  payload: string;
  /** True when the explanations were left out to keep the link short. */
  shortened: boolean;
}

/** The save compressed into a fragment's text; explanations are dropped only beyond `max` characters. */
export async function encodeSave(save: SaveFile, max = MAX_PAYLOAD): Promise<Encoded> {
  const pack = async (s: SaveFile): Promise<string> =>
    toBase64url(
      await pipe(new TextEncoder().encode(JSON.stringify(s)), new CompressionStream('deflate-raw')),
    );
  const payload = await pack(save);
  if (payload.length <= max) return { payload, shortened: false };
  return { payload: await pack(withoutWhy(save)), shortened: true };
}

/** The address of this page (without its own fragment) that opens the save. */
export async function shareLink(
  save: SaveFile,
  page: string,
  max = MAX_PAYLOAD,
): Promise<Encoded & { link: string }> {
  const encoded = await encodeSave(save, max);
  const base = page.replace(/#.*$/, '');
  return { ...encoded, link: `${base}#${SHARE_PARAM}=${encoded.payload}` };
}

/** The payload of a fragment (`#game=…`), or null when the fragment is not a shared game. */
export function sharedPayload(hash: string): string | null {
  const m = new RegExp(`^#?${SHARE_PARAM}=(.*)$`, 's').exec(hash);
  return m ? m[1]!.trim() : null;
}

/** The save file's text in a payload, or the sentence that says why it cannot be read. */
export async function decodePayload(
  payload: string,
  where = SHARED_WHERE,
): Promise<{ ok: true; text: string } | { ok: false; problem: string }> {
  const bytes = fromBase64url(payload);
  if (!bytes || bytes.length === 0)
    return {
      ok: false,
      problem: `${where} is damaged: the text after “#${SHARE_PARAM}=” is not a game (it may have been cut short or changed when it was copied).`,
    };
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(
      await pipe(bytes, new DecompressionStream('deflate-raw')),
    );
    return { ok: true, text };
  } catch {
    return {
      ok: false,
      problem: `${where} is damaged: it could not be unpacked (it may have been cut short or changed when it was copied).`,
    };
  }
}

export type SharedGame =
  { ok: true; save: SaveFile; loaded: LoadedScenario } | { ok: false; problem: string };

/** Reads a shared game from a fragment and checks it as a save file is checked. Null when there is none. */
export async function readShared(hash: string, content: Content): Promise<SharedGame | null> {
  const payload = sharedPayload(hash);
  if (payload === null) return null;
  const text = await decodePayload(payload);
  if (!text.ok) return text;
  return parseSave(text.text, content, SHARED_WHERE);
}

/**
 * "Copy link to this game": makes the link when pressed, shows it in a read-only box (selected, to copy by
 * hand where the clipboard is not allowed) and copies it when the browser lets the page.
 */
export function shareControl(
  save: () => SaveFile,
  opts: { label?: string; class?: string; text?: string } = {},
): HTMLElement {
  const id = uid('share');
  const box = h('input', {
    id,
    type: 'text',
    readonly: true,
    class: 'share-link',
    'aria-label': 'Link to this game',
    spellcheck: 'false',
    onfocus: (e: Event) => (e.target as HTMLInputElement).select(),
  }) as HTMLInputElement;
  const msg = h('span', { class: 'hint share-msg', role: 'status' });
  const row = h('div', { class: 'share-row', hidden: true }, box, msg);
  const button = h(
    'button',
    {
      type: 'button',
      class: opts.class ?? null,
      'aria-controls': id,
      'aria-label': opts.label ?? null,
      onclick: () => void make(),
    },
    opts.text ?? 'Copy link to this game',
  );
  async function make(): Promise<void> {
    let made: Awaited<ReturnType<typeof shareLink>>;
    try {
      made = await shareLink(save(), window.location.href);
    } catch (e) {
      row.hidden = false;
      fill(msg, `The link could not be made: ${e instanceof Error ? e.message : String(e)}`);
      return;
    }
    box.value = made.link;
    row.hidden = false;
    box.focus();
    box.select();
    const note = made.shortened ? ' (without the computer players’ explanations, to keep it short)' : '';
    try {
      // Some browsers never answer without a permission: give up after a moment and let the player copy.
      await Promise.race([
        navigator.clipboard.writeText(made.link),
        new Promise((_, reject) => setTimeout(() => reject(new Error('no answer')), 1500)),
      ]);
      fill(
        msg,
        `Link copied${note}. Anyone who opens it can continue this game (and replay it once it is over).`,
      );
    } catch {
      fill(
        msg,
        `Copy the selected link${note} (Ctrl+C or ⌘C). Anyone who opens it can continue this game (and replay it once it is over).`,
      );
    }
  }
  const wrap = h('div', { class: 'share' }, button, row);
  // Shown as a pop-over (in a top bar or a row of buttons), the link closes with Escape or when the focus leaves.
  const popover = (): boolean => getComputedStyle(row).position === 'absolute';
  wrap.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && !row.hidden && popover()) {
      e.preventDefault();
      e.stopPropagation();
      row.hidden = true;
      button.focus();
    }
  });
  wrap.addEventListener('focusout', (e) => {
    const to = (e as FocusEvent).relatedTarget;
    if (to instanceof Node && wrap.contains(to)) return;
    if (to && popover()) row.hidden = true;
  });
  return wrap;
}
