/**
 * The core's own words: the intents that belong to no tool area (confirm, deny, help) and the classes
 * every area may use (<det>, <server>, <yes>, <no>). Each area brings the rest (tools/<area>/).
 * The syntax is in template-syntax.md. Patterns are written in normalised form: lowercase, "what is"
 * not "what's", digits not number words, and without the courtesy words normalize.ts strips.
 */
import type { Template } from './types.js';

export const coreWordClasses: Readonly<Record<string, string>> = {
  det: 'the | my | our | this | a | an',
  server: 'server | system | machine | box | host | computer | homelab',
  yes: 'yes | yeah | yea | ya | yep | yup | sure | confirm | confirmed | do it | go ahead | go for it | approve | approved | affirmative | ok | okay | absolutely | of course | sure thing',
  /** What may follow a yes and keep it a plain yes: "yes please do it", "yeah go on", "yes I am sure". */
  agree:
    '<yes> | please | please do | do that | go on | proceed | approve it | i am sure | thanks | thank you | that is fine | sounds good',
  no: 'no | nope | nah | negative | deny | denied | abort | cancel | never mind | nevermind',
};

/** Tried before every area's templates. */
export const coreTemplates: readonly Template[] = [
  {
    intent: 'confirm',
    // A confirmation is the whole utterance: "yes", "yes please do it", "okay go ahead". A yes followed by a
    // command ("okay restart plex") is not one: normalize.ts drops the leading "okay" and the command routes.
    // A yes naming the action ("yes restart plex") is an area's targeted confirmation (tools/docker/words.ts):
    // the policy then approves only a request for what it names.
    // "approve all" / "yes to all" are confirmations too: the policy then asks which one when several wait.
    patterns: ['<yes> [<agree>] [<agree>]', '<yes> [to] (all | everything) [of them]'],
    spoken: ['<yes> [please]'],
  },
  {
    intent: 'deny',
    spoken: ['<no>', 'stop [that]', 'cancel', 'never mind'],
    patterns: [
      '<no> [{query}]',
      'stop',
      '(stop | cancel | forget | drop | abort) (that | it | this | about it)',
      '(do not | dont) [do (it | that)]',
    ],
  },
  {
    intent: 'help',
    spoken: ['help [me]', 'what can you do', 'what can i (ask | say)', 'list [your] commands'],
    patterns: [
      'help [me]',
      'what can you do',
      'what can i (ask | say) [you] [about]',
      'what do you (know | understand)',
      'what (commands | questions) (are there | can i (use | ask) | do you (know | understand))',
      'what are your (commands | options | abilities | skills)',
      'how do i use you',
      'what are you able to do',
      'what can you help [me] with',
      'list [your | the] commands',
      'what do you know how to do',
      'what are my options',
      'what (kind | kinds | sort | sorts) of (things | questions | stuff | commands) can i (ask | say) [you]',
    ],
  },
];
