// Vite's import.meta.glob (the project does not load vite/client types).
interface ImportMeta {
  glob<T = unknown>(pattern: string, options?: { query?: string; import?: string; eager?: boolean }): Record<string, T>;
}
