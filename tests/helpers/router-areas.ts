/**
 * The real tool areas, as src/app/areas.ts registers them, over dependencies that are never called:
 * router tests hand in the vocabulary and script every tool through a fake invoker, so nothing here
 * needs Docker, the sampler or SQLite. Anything that does reach a dependency throws, naming it.
 */
import { createAreas, type AreaOptions } from '../../src/app/areas.js';
import { configSchema } from '../../src/config/schema.js';
import { silentLogger } from '../../src/log.js';
import type { ToolArea } from '../../src/router/area.js';
import { createLexicon, type Lexicon } from '../../src/router/lexicon.js';
import { createRouter, type Router } from '../../src/router/router.js';

/** A stand-in whose every property is another stand-in and whose every call throws. */
function unused<T>(path: string): T {
  const fail = () => {
    throw new Error(`${path} is not available in router tests`);
  };
  return new Proxy(fail, { get: (_target, property) => unused(`${path}.${String(property)}`), apply: fail }) as T;
}

export function inertWiring(): AreaOptions {
  return {
    config: configSchema.parse({}),
    env: {},
    log: silentLogger,
    memory: unused('memory'),
    sampler: unused('sampler'),
    docker: unused('docker'),
    commands: unused('commands'),
  };
}

/** The registered areas (memory, system, docker) with inert dependencies. */
export function routerAreas(): ToolArea[] {
  return createAreas(inertWiring());
}

export function routerLexicon(): Lexicon {
  return createLexicon(routerAreas());
}

export function testRouter(): Router {
  return createRouter({ areas: routerAreas() });
}
