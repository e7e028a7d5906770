/** What a connection may do with a document: edit it, or only follow along. */
export type Permission = 'write' | 'read';
