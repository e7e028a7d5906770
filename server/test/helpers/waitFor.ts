/**
 * Retries an assertion until it passes or the time runs out; the last failure is rethrown.
 * Tests wait on state, never on fixed sleeps.
 */
export async function waitFor<T>(
  assertion: () => T | Promise<T>,
  timeoutMs = 5_000,
  intervalMs = 10,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await assertion();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, intervalMs));
    }
  }
}
