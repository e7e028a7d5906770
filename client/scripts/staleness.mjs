/**
 * Pure decision behind `build-if-needed.mjs`, kept apart so it can be unit-tested without touching
 * the file system.
 *
 * @param {number | undefined} outputMtimeMs modification time of `dist/index.html`, or undefined
 *   when it does not exist
 * @param {Iterable<number>} inputMtimesMs modification times of every source file
 * @returns {boolean} true when the bundle is missing or older than any source file
 */
export function isBuildStale(outputMtimeMs, inputMtimesMs) {
  if (outputMtimeMs === undefined) return true;
  for (const mtime of inputMtimesMs) {
    if (mtime > outputMtimeMs) return true;
  }
  return false;
}
