let chain: Promise<unknown> = Promise.resolve();

/** PostgreSQL's deadlock_detected: two processes (two workers starting at once) creating the same queue. */
const DEADLOCK = '40P01';
const ATTEMPTS = 5;

/**
 * Runs queue set-up steps one after another: pg-boss deadlocks when two modules create queues and
 * schedules at the same moment (onApplicationBootstrap hooks run concurrently). Across processes
 * (two workers, many API instances starting together) the database breaks such a deadlock by failing
 * one side: that step runs again after a short random pause, and finds the queue made.
 */
export function serially<T>(step: () => Promise<T>): Promise<T> {
  const retried = async (): Promise<T> => {
    for (let attempt = 1; ; attempt++) {
      try {
        return await step();
      } catch (e) {
        if ((e as { code?: string }).code !== DEADLOCK || attempt >= ATTEMPTS) throw e;
        await new Promise((resolve) => setTimeout(resolve, 100 + Math.random() * 400));
      }
    }
  };
  const next = chain.then(retried, retried);
  chain = next.catch(() => undefined);
  return next;
}
