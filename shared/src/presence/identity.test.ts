import { describe, expect, it } from 'vitest';
import { identityOf, maxDisplayNameLength } from './identity.ts';
import { palette } from './palette.ts';

describe('identityOf', () => {
  it('uses the display name and a palette colour fixed by the person id', () => {
    const ada = identityOf({ id: 'p_ada', displayName: '  Ada Lovelace ' });
    expect(ada.name).toBe('Ada Lovelace');
    expect(palette.map((c) => c.hex)).toContain(ada.color);
    expect(identityOf({ id: 'p_ada', displayName: 'Ada L.' }).color).toBe(ada.color);
  });

  it('cuts very long names for caret labels', () => {
    const long = identityOf({ id: 'p_x', displayName: 'x'.repeat(80) });
    expect(long.name).toHaveLength(maxDisplayNameLength);
  });
});
