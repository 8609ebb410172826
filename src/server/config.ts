// Server configuration read once from the environment, validated, with defaults that run the demo.
import { resolve } from 'node:path';
import { z } from 'zod';

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: z.string().optional(),
  DATA_DIR: z.string().default('data'),
  STATIC_DIR: z.string().default('dist/client'),
  PUBLIC_URL: z.string().url().optional(),
  CORS_ORIGINS: z.string().default(''),
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(600),
  TOKEN_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(120),
  BODY_LIMIT_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(1024 * 1024),
  SEED_DEMO: z.enum(['true', 'false']).default('true'),
  DEMO_ORGANIZER_USER: z.string().min(1).default('organizer'),
  DEMO_ORGANIZER_PASSWORD: z.string().min(8).default('rally-organizer'),
  DEMO_STAFF_USER: z.string().min(1).default('staff'),
  DEMO_STAFF_PASSWORD: z.string().min(8).default('rally-staff'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export interface ServerConfig {
  port: number;
  host: string;
  /** postgres://… selects PostgreSQL; otherwise SQLite at `sqlitePath`. */
  databaseUrl: string | null;
  sqlitePath: string;
  dataDir: string;
  staticDir: string;
  publicUrl: string | null;
  corsOrigins: string[];
  rateLimitPerMinute: number;
  tokenRateLimitPerMinute: number;
  bodyLimitBytes: number;
  seedDemo: boolean;
  demoAccounts: {
    organizer: { username: string; password: string };
    staff: { username: string; password: string };
  };
  logLevel: string;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n  ${problems.join('\n  ')}`);
  }
  const e = parsed.data;
  const dataDir = resolve(e.DATA_DIR);
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL?.trim() ? e.DATABASE_URL.trim() : null,
    sqlitePath: resolve(dataDir, 'stamp-rally.sqlite'),
    dataDir,
    staticDir: resolve(e.STATIC_DIR),
    publicUrl: e.PUBLIC_URL ?? null,
    corsOrigins: e.CORS_ORIGINS.split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    rateLimitPerMinute: e.RATE_LIMIT_PER_MINUTE,
    tokenRateLimitPerMinute: e.TOKEN_RATE_LIMIT_PER_MINUTE,
    bodyLimitBytes: e.BODY_LIMIT_BYTES,
    seedDemo: e.SEED_DEMO === 'true',
    demoAccounts: {
      organizer: { username: e.DEMO_ORGANIZER_USER, password: e.DEMO_ORGANIZER_PASSWORD },
      staff: { username: e.DEMO_STAFF_USER, password: e.DEMO_STAFF_PASSWORD },
    },
    logLevel: e.LOG_LEVEL,
  };
}
