// `pnpm dev`: the server with reload on change (port 3000) and Vite's dev server (port 5173,
// proxying /api and /collab to the server). Ctrl-C stops both.
import { spawn } from 'node:child_process';

const children = [
  [
    'server',
    'pnpm',
    ['--filter', '@draftroom/server', 'run', 'dev'],
    // Join links printed at first start point at Vite, where the hot-reloading client is.
    { ALLOWED_ORIGINS: 'http://localhost:5173', PUBLIC_URL: 'http://localhost:5173' },
  ],
  ['client', 'pnpm', ['--filter', '@draftroom/client', 'run', 'dev'], {}],
].map(([name, command, args, env]) => {
  const child = spawn(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  child.on('exit', (code) => {
    console.log(`[dev] ${name} exited (${code}); stopping`);
    stopAll();
  });
  return child;
});

function stopAll() {
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  process.exitCode = 0;
}
process.on('SIGINT', stopAll);
process.on('SIGTERM', stopAll);
