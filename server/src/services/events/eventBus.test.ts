import { describe, expect, it } from 'vitest';
import { InProcessEventBus } from './eventBus.ts';

describe('the in-process event bus', () => {
  it('delivers an event to every listener of its topic, in order, until they unsubscribe', () => {
    const bus = new InProcessEventBus();
    const heard: string[] = [];
    const stopFirst = bus.subscribe('access', (change) => heard.push(`first ${change.kind}`));
    bus.subscribe('access', (change) => heard.push(`second ${change.kind}`));
    bus.publish('access', { kind: 'people', personIds: ['p1'] });
    stopFirst();
    bus.publish('access', { kind: 'personRevoked', personId: 'p1' });
    expect(heard).toEqual(['first people', 'second people', 'second personRevoked']);
  });

  it('a listener that throws is reported, and the others still hear the event', () => {
    const errors: unknown[] = [];
    const bus = new InProcessEventBus((topic, error) => errors.push([topic, error]));
    const heard: string[] = [];
    bus.subscribe('access', () => {
      throw new Error('broken listener');
    });
    bus.subscribe('access', (change) => heard.push(change.kind));
    expect(() => bus.publish('access', { kind: 'signIns', authSessionIds: [] })).not.toThrow();
    expect(heard).toEqual(['signIns']);
    expect(errors).toHaveLength(1);
  });

  it('a listener that unsubscribes while the event is delivered does not stop the others', () => {
    const bus = new InProcessEventBus();
    const heard: number[] = [];
    const stop = bus.subscribe('access', () => {
      heard.push(1);
      stop();
    });
    bus.subscribe('access', () => heard.push(2));
    bus.publish('access', { kind: 'documents', documentIds: ['g'] });
    bus.publish('access', { kind: 'documents', documentIds: ['g'] });
    expect(heard).toEqual([1, 2, 2]);
  });
});
