import { z } from 'zod';
import { guideFragmentName } from '../protocol/messages.ts';

/**
 * What one connection may publish as its presence (a y-protocols awareness state). The client
 * sends `user` (its name and colour, for its own display) and the editor binding's `cursor`; the
 * server replaces `user` with its own record of the signed-in person before anyone sees it, so
 * a client cannot show itself to others under another name.
 */

/** A Yjs ID as JSON (`{ client, clock }`), both unsigned 32/53-bit integers. */
const yId = z.strictObject({
  client: z.number().int().min(0).max(0xffffffff),
  clock: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
});

/** `Y.relativePositionToJSON` output pointing into the guide body. */
export const relativePositionSchema = z.strictObject({
  type: yId.optional(),
  tname: z.literal(guideFragmentName).optional(),
  item: yId.optional(),
  assoc: z.number().int().min(-1).max(0).optional(),
});

/** The editor binding's caret: a selection from anchor to head, or null when not focused. */
export const presenceCursorSchema = z
  .strictObject({ anchor: relativePositionSchema, head: relativePositionSchema })
  .nullable();

export const presenceStateSchema = z.strictObject({
  /** Replaced by the server; accepted in any small shape so older clients keep working. */
  user: z.unknown().optional(),
  cursor: presenceCursorSchema.optional(),
});

export type PresenceState = z.infer<typeof presenceStateSchema>;
