// The one field of Vite's import.meta.env that the offline code reads (the project does not load vite/client's types).
interface ImportMetaEnv {
  readonly PROD: boolean;
}
interface ImportMeta {
  readonly env: ImportMetaEnv;
}
