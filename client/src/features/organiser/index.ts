export { OrganiserHome } from './OrganiserHome.tsx';
export { OrganiserLogin } from './OrganiserLogin.tsx';
