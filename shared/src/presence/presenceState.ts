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

/**
 * A Yjs relative position into the guide body, as the editor binding publishes it: either
 * `Y.relativePositionToJSON` output (absent fields) or the RelativePosition object itself (null
 * fields), so both spellings are accepted.
 */
export const relativePositionSchema = z.strictObject({
  type: yId.nullish(),
  tname: z.literal(guideFragmentName).nullish(),
  item: yId.nullish(),
  assoc: z.number().int().min(-1).max(0).nullish(),
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
