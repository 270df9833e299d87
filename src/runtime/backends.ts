// The backend rules live in src/backends/choice.ts (one backend layer for page, workers and Node).
export * from '../backends/choice';
