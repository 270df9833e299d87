// Runs before each e2e file (setupFiles), so its hooks belong to that file: every
// watched page is checked after each test, and a file's pages are forgotten at its end.
import { afterAll, afterEach } from 'vitest';
import { checkWatchedPages, forgetWatchedPages } from './browser';

afterEach(checkWatchedPages);
afterAll(forgetWatchedPages);
