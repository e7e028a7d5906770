/**
 * Reads a server's Prometheus `/metrics` text. Labelled series of one metric are summed under
 * the bare name (e.g. every `draftroom_messages_rejected_total{reason=…}`), and also kept as
 * written.
 */
export interface MetricsSnapshot {
  /** The metric's value, summed over its labels; NaN when the server does not export it. */
  value(name: string): number;
  series: ReadonlyMap<string, number>;
}

export function parseMetrics(text: string): MetricsSnapshot {
  const series = new Map<string, number>();
  const totals = new Map<string, number>();
  for (const line of text.split('\n')) {
    if (line.length === 0 || line.startsWith('#')) continue;
    const match = /^([A-Za-z_:][\w:]*)(\{[^}]*\})?\s+(\S+)/.exec(line);
    if (!match) continue;
    const [, name = '', labels = '', raw = ''] = match;
    const value = Number(raw);
    if (Number.isNaN(value)) continue;
    series.set(name + labels, value);
    totals.set(name, (totals.get(name) ?? 0) + value);
  }
  return { value: (name) => totals.get(name) ?? Number.NaN, series };
}

/** Fetches and parses `/metrics` (bounded by a timeout, so a stuck server cannot hang the bench). */
export async function fetchMetrics(baseUrl: string, timeoutMs = 5_000): Promise<MetricsSnapshot> {
  const response = await fetch(`${baseUrl}/metrics`, { signal: AbortSignal.timeout(timeoutMs) });
  if (!response.ok) throw new Error(`GET /metrics answered ${response.status}`);
  return parseMetrics(await response.text());
}
