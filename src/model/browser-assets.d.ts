// Vite's `?url` imports (an asset the build emits, as its URL).
declare module '*?url' {
  const url: string;
  export default url;
}
