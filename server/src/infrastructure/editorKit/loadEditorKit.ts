import type * as Kit from './editorKit.ts';

export type EditorKit = typeof Kit;

let kit: Promise<EditorKit> | undefined;

/** The server's editor code, loaded on the first request that needs it (the bundle keeps it in a separate chunk). */
export function loadEditorKit(): Promise<EditorKit> {
  kit ??= import('./editorKit.ts');
  return kit;
}
