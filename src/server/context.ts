// What every route plugin is given: repositories, clock, configuration and database facts.
import type { Clock } from './clock.js';
import type { ServerConfig } from './config.js';
import type { DatabaseHandle } from './db/database.js';
import type { Repositories } from './db/repositories.js';

export interface AppContext {
  config: ServerConfig;
  clock: Clock;
  repos: Repositories;
  database: DatabaseHandle;
}
