/**
 * Limits both ends agree on. The server enforces them; the client refuses to send what the server
 * would refuse, so a person never loses an edit to a limit without being told.
 */
export const limits = {
  /** Largest websocket message accepted (bytes). Pasting a whole book is fine; a 100 MB blob is not. */
  maxMessageBytes: 2 * 1024 * 1024,
  /** Largest encoded state a single document may reach (bytes). */
  maxDocumentBytes: 32 * 1024 * 1024,
  /**
   * Sustained messages per second per connection, and the burst allowed above it. Fast typing
   * sends ~20 updates and ~20 caret moves a second; a paste is one message.
   */
  maxMessagesPerSecond: 200,
  messageBurst: 2000,
  /** Open collaboration connections from one IP address (a delegation's office shares one). */
  maxConnectionsPerIp: 200,
  /**
   * Structs (Yjs items and garbage-collected ranges) one document may hold in memory. Each costs
   * a few hundred bytes in the server's heap whatever its size on the wire, so a guide made of
   * millions of one-letter items would cost gigabytes though it stores as a few megabytes.
   * Typing merges consecutive letters into one item: real guides stay far below this.
   */
  maxDocumentItems: 200_000,
  /**
   * Entries in one presence message. A client sends its own, and echoes the others' it hears
   * (at most everyone in the guide); far more is an attack on the server's memory.
   */
  maxPresenceEntries: 1000,
  /** Largest presence state (JSON of one awareness entry, in bytes). */
  maxPresenceBytes: 4 * 1024,
  /** Presence changes applied per connection per second; faster ones are coalesced (latest wins). */
  maxPresenceUpdatesPerSecond: 20,
  /** Longest guide title (characters). */
  maxTitleLength: 200,
} as const;
