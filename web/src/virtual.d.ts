/** The worker's bundled source, put in the page's script by web/build.mjs. */
declare module 'virtual:worker-source' {
  const source: string;
  export default source;
}
