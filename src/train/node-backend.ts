// Moved to src/backends/node.ts (one backend layer); this path stays for its callers.
export { startNodeBackend } from '../backends/node';
