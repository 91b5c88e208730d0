/**
 * The keyword scorer's fixed word lists (guess.ts): words that say nothing about what is asked
 * (fillers, thresholds), and words that mark an open question the router cannot answer, which keep
 * a guess under the threshold whatever else the utterance says.
 */

const words = (text: string): ReadonlySet<string> => new Set(text.trim().split(/\s+/));

/** Said around a question, never the question: "gimme", "rn", "okay", "quick", "stats". */
export const fillerWords = words(`
  gimme lemme wanna gotta pls plz please thx thanks ty rn asap okay ok um uh yo hey hi hello quick real
  quickly see check tell show give know holding again u ur ya kinda sorta bit lot stats info
  report numbers number figures figure situation level levels value reading details look think guess
  mate buddy man dude hows whats also too still actually maybe btw tho though pretty very really even
  already about one thing stuff things bud pal sir jarvis sysvox er well then yeah yep nah
`);

/** A yes/no check with a threshold is still the same question: "is the disk over 80 percent". */
export const thresholdWords = words(`
  over under above below more less than percent percentage gb gig gigs gigabytes mb megabytes tb
  full nearly almost close low high running enough
`);

/** An open question: asks why, compares, looks back or ahead, asks for advice or a text. */
export const openQuestionWords = words(`
  why compare compared comparison versus vs yesterday tomorrow week weeks month months year years ago
  history historical trend trends explain poem story joke write song haiku limerick essay should
  recommend suggest predict forecast fix optimise optimize improve configure install slow slower faster
  graph chart plot difference between translate summarize summarise cause causing caused because mean
  means meaning usually will would could if when tutorial learn best better worse worst upgrade buy
  increase decrease reduce clean cleanup delete remove prune migrate setup change allocate limit
  schedule spike spikes spiked happened happen happening weird strange normal expected
`);

/** Phrases that ask how to do something or what a thing is, rather than how it is now. */
export const openQuestionPhrases: readonly string[] = [
  'how do i',
  'how do you',
  'how can i',
  'how to',
  'what is a',
  'what is an',
  'is it safe',
  'what if',
  'free up',
  'free some',
  'what does',
];

/** With a number, a question about what is normal: "is 80 degrees too hot for a cpu", "is 50 percent ok". */
export const judgementWords = words(`ok okay good bad fine too acceptable reasonable safe healthy`);

/** Said first, a command the router never carries out ("rename plex", "back up nextcloud") or a request to describe ("tell me about the cpu"). */
export const openCommandStarts = words(`
  clean make set add create install update upgrade rename move copy run send email schedule enable
  disable fix build deploy push mount unmount format backup back wipe about
`);
