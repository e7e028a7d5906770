/**
 * Every IANA zone this browser knows, for the event's time zone select. Some engines leave "UTC"
 * out of `supportedValuesOf`, and an event may use a zone the list spells differently (an alias
 * such as Asia/Calcutta), so both are added rather than silently changed.
 */
export function timeZoneChoices(current: string): string[] {
  let zones: string[];
  try {
    zones = Intl.supportedValuesOf('timeZone');
  } catch {
    zones = []; // an older engine: the current zone and UTC are still offered
  }
  const all = new Set([...zones, 'UTC']);
  if (current !== '') all.add(current);
  return [...all].sort((a, b) => a.localeCompare(b, 'en'));
}
