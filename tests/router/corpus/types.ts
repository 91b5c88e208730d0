/**
 * The router corpus: phrasings written the way people type and talk (filler, politeness, "rn", verbless
 * questions, yes/no checks, names said loosely), each with the intent and the slots the router must
 * find, and open questions it must leave to the language model. Scored by score.ts, held to a floor by
 * tests/router/corpus.test.ts and printed by bench/router-accuracy.ts.
 */
import type { IntentName, RouterSlots } from '../../../src/router/types.js';

/** A phrasing, the intent it must match, and the slots the match must carry (others may be present). */
export type CorpusRow = readonly [text: string, intent: IntentName, slots?: RouterSlots];
