export * from './protocol/closeCodes.ts';
export * from './protocol/limits.ts';
export * from './protocol/messages.ts';
export * from './protocol/documentId.ts';
export * from './api/guides.ts';
export * from './api/errors.ts';
export * from './protocol/permissions.ts';
