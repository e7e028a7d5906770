import { describe, expect, it } from 'vitest';
import { parseMetrics } from './promMetrics.ts';

describe('parseMetrics', () => {
  it('reads plain and labelled series and sums labels under the bare name', () => {
    const snapshot = parseMetrics(
      [
        '# HELP draftroom_ws_connections Open collaboration websocket connections',
        '# TYPE draftroom_ws_connections gauge',
        'draftroom_ws_connections 1000',
        'draftroom_messages_rejected_total{reason="read_only"} 2',
        'draftroom_messages_rejected_total{reason="too_large"} 3',
        'draftroom_nodejs_eventloop_lag_seconds 0.0042',
        '',
      ].join('\n'),
    );
    expect(snapshot.value('draftroom_ws_connections')).toBe(1000);
    expect(snapshot.value('draftroom_messages_rejected_total')).toBe(5);
    expect(snapshot.series.get('draftroom_messages_rejected_total{reason="too_large"}')).toBe(3);
    expect(snapshot.value('draftroom_nodejs_eventloop_lag_seconds')).toBeCloseTo(0.0042);
    expect(snapshot.value('draftroom_missing')).toBeNaN();
  });
});
