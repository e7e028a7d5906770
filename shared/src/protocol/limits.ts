/**
 * Limits both ends agree on. The server enforces them; the client refuses to send what the server
 * would refuse, so a person never loses an edit to a limit without being told.
 */
export const limits = {
  /** Largest websocket message accepted (bytes). Pasting a whole book is fine; a 100 MB blob is not. */
  maxMessageBytes: 2 * 1024 * 1024,
  /** Largest encoded state a single document may reach (bytes). */
  maxDocumentBytes: 32 * 1024 * 1024,
  /** Longest guide title (characters). */
  maxTitleLength: 200,
} as const;
