export { CompilationPanel } from './CompilationPanel.tsx';
export { CompilationNotesStore } from './compilationNotesStore.ts';
