/**
 * The core's own words: the intents that belong to no tool area (confirm, deny, help) and the classes
 * every area may use (<det>, <server>, <yes>, <no>). Each area brings the rest (tools/<area>/).
 * The syntax is in template-syntax.md. Patterns are written in normalised form: lowercase, "what is"
 * not "what's", digits not number words, and without the courtesy words normalize.ts strips.
 */
import type { Template } from './types.js';

export const coreWordClasses: Readonly<Record<string, string>> = {
  det: 'the | my | our | this | a',
  server: 'server | system | machine | box | host | computer | homelab',
  yes: 'yes | yeah | yep | yup | sure | confirm | confirmed | do it | go ahead | go for it | approve | approved | affirmative | ok | okay',
  no: 'no | nope | nah | negative | deny | denied | abort | cancel | never mind | nevermind',
};

/** Tried before every area's templates. */
export const coreTemplates: readonly Template[] = [
  {
    intent: 'confirm',
    // An area may add a pattern for a targeted voice confirmation ("yes restart plex server", tools/docker):
    // it never wins in the matcher ({query} takes the rest first), it is there for the pocketsphinx grammar.
    // "approve all" / "yes to all" are confirmations too: the policy then asks which one when several wait.
    patterns: ['<yes> [{query}]', '<yes> [to] (all | everything) [of them]'],
  },
  {
    intent: 'deny',
    patterns: [
      '<no> [{query}]',
      'stop',
      '(stop | cancel | forget | drop | abort) (that | it | this | about it)',
      '(do not | dont) [do (it | that)]',
    ],
  },
  {
    intent: 'help',
    patterns: [
      'help [me]',
      'what can you do',
      'what can i (ask | say) [you]',
      'what do you (know | understand)',
      'what (commands | questions) (are there | can i (use | ask) | do you (know | understand))',
      'what are your (commands | options | abilities | skills)',
      'how do i use you',
      'what are you able to do',
      'what can you help [me] with',
      'list [your | the] commands',
    ],
  },
];
