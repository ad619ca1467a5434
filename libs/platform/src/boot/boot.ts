/** A failure a person can fix (configuration, an unreachable database): its message is enough. */
export class OperatorError extends Error {}

/**
 * Startup failures a person can fix (bad configuration, unreachable database) print one clear
 * line and exit 1; anything else prints its stack, since it is a bug.
 */
export function exitOnBootFailure(app: string, error: unknown): never {
  if (error instanceof OperatorError) {
    process.stderr.write(`[careops ${app}] ${error.message}\n`);
  } else {
    process.stderr.write(`[careops ${app}] failed to start: ${error instanceof Error ? error.stack : String(error)}\n`);
  }
  process.exit(1);
}

/** SIGTERM/SIGINT: Nest closes gracefully; if draining takes longer than `ms`, exit anyway. */
export function armShutdownDeadline(ms: number, log: (message: string) => void): void {
  const arm = (signal: string) => {
    log(`${signal} received: draining requests and closing (deadline ${ms} ms)`);
    setTimeout(() => {
      log(`shutdown took longer than ${ms} ms; exiting`);
      process.exit(1);
    }, ms).unref();
  };
  process.once('SIGTERM', () => arm('SIGTERM'));
  process.once('SIGINT', () => arm('SIGINT'));
}
