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
  /** Longest guide title (characters). */
  maxTitleLength: 200,
} as const;
