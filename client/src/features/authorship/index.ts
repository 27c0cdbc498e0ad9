export { AuthorshipToggle } from './AuthorshipToggle.tsx';
export { AuthorshipHighlights } from './authorshipHighlights.ts';
