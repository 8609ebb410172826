// Entry point: one Node process serving the PWA and the API on PORT, with graceful shutdown.
import { buildApp } from './app.js';
import { prepareDatabase } from './bootstrap.js';
import { systemClock } from './clock.js';
import { loadConfig, type ServerConfig } from './config.js';
import { DEMO_SLUG } from './seed/seed-demo.js';

function banner(config: ServerConfig, origin: string, dialect: string): string {
  const lines = [
    '',
    `  stamp-rally is running at ${origin}  (database: ${dialect})`,
    '',
    `  Visitor app     ${origin}/r/${DEMO_SLUG}`,
    `  Booth posters   ${origin}/demo/posters   (print them or show them on a screen, then scan)`,
    `  Staff           ${origin}/staff   sign in as ${config.demoAccounts.staff.username} / ${config.demoAccounts.staff.password}`,
    `  Organizer       ${origin}/admin   sign in as ${config.demoAccounts.organizer.username} / ${config.demoAccounts.organizer.password}`,
    `  Health          ${origin}/api/health`,
    '',
    '  Demo passwords come from DEMO_STAFF_PASSWORD / DEMO_ORGANIZER_PASSWORD.',
    '',
  ];
  return lines.join('\n');
}

async function main(): Promise<void> {
  const config = loadConfig();
  const database = await prepareDatabase(config, systemClock, (line) =>
    process.stdout.write(`  ${line}\n`),
  );
  const app = await buildApp({ config, database });

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info(`${signal} received: finishing in-flight requests`);
    const force = setTimeout(() => {
      app.log.error('Shutdown took over 10 s; exiting');
      process.exit(1);
    }, 10_000);
    force.unref();
    try {
      await app.close();
      await database.close();
      process.exit(0);
    } catch (err) {
      app.log.error({ err }, 'shutdown failed');
      process.exit(1);
    }
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));

  await app.listen({ port: config.port, host: config.host });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const origin = config.publicUrl ?? `http://localhost:${port}`;
  process.stdout.write(`${banner(config, origin, database.dialect)}\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(
    `stamp-rally failed to start: ${err instanceof Error ? err.message : String(err)}\n`,
  );
  process.exit(1);
});
