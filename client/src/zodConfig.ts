import { z } from 'zod';

/**
 * Zod compiles fast object parsers with `new Function`, after probing whether it may: under our
 * content security policy (script-src 'self', no 'unsafe-eval') that probe is refused and
 * reported as a violation, though zod then falls back. Jitless skips the probe and the compiler;
 * the client parses little, so nothing is lost. Imported first by main.tsx, because zod decides
 * when each schema is built (at module load of @draftroom/shared), not when it parses.
 */
z.config({ jitless: true });
