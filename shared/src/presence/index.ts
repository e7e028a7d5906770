export * from './contrast.ts';
export * from './palette.ts';
export * from './presenceState.ts';
export * from './identity.ts';
