// Entry of a CLI worker thread: registers tsx in this thread, then runs pool-worker.ts.
import { register } from 'tsx/esm/api';

register();
await import('./pool-worker.ts');
