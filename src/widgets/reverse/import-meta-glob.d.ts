// Vite's import.meta.glob (the project does not load vite/client's types).
interface ImportMeta {
  glob<T = unknown>(pattern: string, options?: { eager?: boolean; import?: string }): Record<string, T>;
}
