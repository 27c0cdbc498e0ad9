export { CommentsSidebar } from './CommentsSidebar.tsx';
export { CommentHighlights } from './commentHighlights.ts';
export { ThreadStore } from './threadStore.ts';
export { BlockThreads } from './BlockThreads.tsx';
