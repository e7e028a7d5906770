export * from './common.ts';
export * from './event.ts';
export * from './session.ts';
export * from './group.ts';
export * from './person.ts';
export * from './invite.ts';
export * from './csvImport.ts';
export * from './programme.ts';
