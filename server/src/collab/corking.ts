import type { Duplex } from 'node:stream';

/**
 * Broadcasting one edit to twenty peers, or one batch of presence, is many small frames per
 * socket in one synchronous pass. Corking a socket until the end of the current tick turns that
 * pass into one write (one syscall) per socket instead of one per frame.
 */
const corked = new Set<Duplex>();

function uncorkAll(): void {
  for (const transport of corked) transport.uncork();
  corked.clear();
}

export function corkUntilTickEnds(transport: Duplex): void {
  if (corked.has(transport) || transport.destroyed) return;
  transport.cork();
  corked.add(transport);
  if (corked.size === 1) process.nextTick(uncorkAll);
}
