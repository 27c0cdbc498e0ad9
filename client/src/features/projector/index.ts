export { ProjectorPage } from './ProjectorPage.tsx';
