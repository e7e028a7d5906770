import { median } from '../lib/stats.ts';

/** One target from the issue, judged on Draftroom's median. `pass` is null when not measured. */
export interface Target {
  label: string;
  pass: boolean | null;
}

/** One line of a scenario's table: medians over the runs. */
export interface Row {
  metric: string;
  unit: string;
  draftroom: number | null;
  baseline: number | null;
  /** Draftroom / baseline. */
  ratio: number | null;
  /** Hocuspocus 3.4 + SQLite where the scenario measures it (undefined where it does not). */
  hocuspocus?: number | null;
  /** Draftroom / Hocuspocus. */
  hocuspocusRatio?: number | null;
  /** Replay only: the in-process floor and Draftroom / floor. */
  floor?: number | null;
  floorRatio?: number | null;
  targets: Target[];
}

/** A correctness check: these (not performance targets) decide the exit code. */
export interface Check {
  name: string;
  ok: boolean;
  detail?: string;
}

/** Every scenario, in the order they run; all but the soak run by default. */
export const scenarioNames = [
  'replay',
  'conference',
  'cold-load',
  'join-storm',
  'memory',
  'api-lists',
  'live-session',
  'versions',
  'exports',
  'search',
  'dashboard',
  'scaleout',
  'voting',
  'soak',
] as const;
export type ScenarioName = (typeof scenarioNames)[number];

export interface ScenarioReport {
  scenario: ScenarioName;
  title: string;
  smoke: boolean;
  runs: number;
  parameters: Record<string, unknown>;
  rows: Row[];
  checks: Check[];
  /** Headers of the two compared columns and their ratio, where not Draftroom and the baseline. */
  columns?: { draftroom: string; baseline: string; ratio: string };
  /** Extra tables (the soak's samples), printed after the main one. */
  notes: string[];
  /** Every run's raw result, for whoever wants more than medians. */
  raw: unknown;
  startedAt: string;
  seconds: number;
  /** The machine's 1-minute load average before and after. */
  loadAverage: { start: number; end: number };
}

/** Median of the finite values; null when there are none. */
export function medianOf(values: ReadonlyArray<number | null | undefined>): number | null {
  const finite = values.filter((value): value is number => Number.isFinite(value));
  return finite.length === 0 ? null : median(finite);
}

export function ratioOf(numerator: number | null, denominator: number | null): number | null {
  if (numerator === null || denominator === null || denominator === 0) return null;
  return numerator / denominator;
}

type Values = ReadonlyArray<number | null | undefined>;

/** Per-run values of each server a scenario measured; the comparisons are optional. */
export interface ServerValues {
  draftroom: Values;
  baseline?: Values | null;
  hocuspocus?: Values | null;
}

/** A row: the median of each server's runs, and Draftroom's ratio to each comparison. */
export function row(
  metric: string,
  unit: string,
  values: ServerValues,
  targets: (draftroom: number | null, baseline: number | null) => Target[] = () => [],
): Row {
  const draftroom = medianOf(values.draftroom);
  const baseline = values.baseline ? medianOf(values.baseline) : null;
  const result: Row = {
    metric,
    unit,
    draftroom,
    baseline,
    ratio: ratioOf(draftroom, baseline),
    targets: targets(draftroom, baseline),
  };
  if (values.hocuspocus !== undefined) {
    result.hocuspocus = values.hocuspocus ? medianOf(values.hocuspocus) : null;
    result.hocuspocusRatio = ratioOf(draftroom, result.hocuspocus);
  }
  return result;
}

/** A target that compares Draftroom's median with a bound; not measured counts as unknown. */
export function target(label: string, holds: boolean | null): Target {
  return { label, pass: holds };
}

export const below = (value: number | null, bound: number | null) =>
  value === null || bound === null ? null : value < bound;
export const atMost = (value: number | null, bound: number | null) =>
  value === null || bound === null ? null : value <= bound;
export const atLeast = (value: number | null, bound: number | null) =>
  value === null || bound === null ? null : value >= bound;
