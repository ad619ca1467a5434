let chain: Promise<unknown> = Promise.resolve();

/**
 * Runs queue set-up steps one after another: pg-boss deadlocks when two modules create queues and
 * schedules at the same moment (onApplicationBootstrap hooks run concurrently).
 */
export function serially<T>(step: () => Promise<T>): Promise<T> {
  const next = chain.then(step, step);
  chain = next.catch(() => undefined);
  return next;
}
