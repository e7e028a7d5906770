import { startRelayServer } from './relayServer.ts';

// Run the baseline relay as its own process, like the server under test: `PORT=… tsx main.ts`.
const { url } = await startRelayServer(Number(process.env.PORT ?? 0));
console.log(JSON.stringify({ msg: 'baseline relay listening', url }));
process.on('SIGTERM', () => process.exit(0));
