// The shipped scenarios, checked and compiled at build time by the `qpq-content` plugin in vite.config.ts.
declare module 'virtual:qpq-content' {
  import type { Content } from './content.ts';
  const content: Content;
  export default content;
}
