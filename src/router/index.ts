/** The router's public surface: matching, templates and grammar, spoken answers. */
export { createRouter, type Router, type RouterOptions } from './router.js';
export { answerIntent, type AnswerDependencies } from './route-intent.js';
export { templates, wordClasses } from './templates.js';
export { buildJsgf, spokenWords, type Grammar, type GrammarOptions } from './grammar.js';
export { normalizeUtterance } from './normalize.js';
export { compilePattern, PatternSyntaxError } from './pattern.js';
export { helpAnswer } from './help-answer.js';
export * from './system-answers.js';
export * from './docker-answers.js';
export type { IntentName, RouterAnswer, RouterMatch, RouterSlots, Template, Vocabulary } from './types.js';
