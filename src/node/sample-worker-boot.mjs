// Entry of a sampling worker thread: registers tsx in this thread (loader
// hooks are not inherited by workers), then runs the TypeScript worker.
import { register } from 'tsx/esm/api';

register();
await import('./sample-worker.ts');
