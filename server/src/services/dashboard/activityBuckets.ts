import type { DashboardActivity } from '@draftroom/shared';

const minuteMs = 60_000;

/**
 * The buckets of an activity chart: `hours` back from now, `bucketMinutes` wide, aligned to UTC
 * (so two charts of the same size line up), and how to fill them from per-minute rows of the
 * attribution record (`minute` is `YYYY-MM-DDTHH:MM`, UTC).
 */
export function activityBuckets(now: number, hours: number, bucketMinutes: number) {
  const width = bucketMinutes * minuteMs;
  const end = Math.floor(now / width) * width + width;
  const count = Math.ceil((hours * 60) / bucketMinutes);
  const start = end - count * width;
  return {
    sinceMinute: new Date(start).toISOString().slice(0, 16),
    fill(
      minutes: ReadonlyArray<{ minute: string; authorId: string; updates: number }>,
    ): DashboardActivity {
      const edits = new Array<number>(count).fill(0);
      const people = Array.from({ length: count }, () => new Set<string>());
      for (const row of minutes) {
        const at = Date.parse(`${row.minute}:00.000Z`);
        const index = Math.floor((at - start) / width);
        if (!Number.isFinite(index) || index < 0 || index >= count) continue;
        edits[index]! += row.updates;
        people[index]!.add(row.authorId);
      }
      return {
        bucketMinutes,
        buckets: edits.map((value, index) => ({
          start: new Date(start + index * width).toISOString(),
          edits: value,
          people: people[index]!.size,
        })),
      };
    },
  };
}
