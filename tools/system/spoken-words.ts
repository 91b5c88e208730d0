/**
 * What the offline speech recogniser is offered for the system area's intents (Template.spoken): the
 * common ways to ask, with one or two words per concept, instead of every typed phrasing. Every
 * alternative in pocketsphinx's grammar is a path other speech can be forced onto: with all the typed
 * forms, "uptime" was heard as "are box hot" and "load average" as "are we good" (docs/decisions/023).
 * Noun-phrase commands start with their noun: an optional "the" in front gives the decoder a free word
 * to absorb the first sound of a short command with ("disk space" was heard as "the status"), and a
 * one-syllable command ("load") draws other speech to it. Left out on purpose: short or rare synonyms
 * (box, host, homelab, drive, temps, avg), yes/no checks built from long classes of adjectives, optional
 * fillers in the middle ("still", "running"), and shapes several intents share where people rarely use
 * them ("how is the load doing").
 * Each phrasing routes to its intent when typed (tests/router/spoken-patterns.test.ts).
 */
const cpu = '(cpu | processor)';
const memory = '(memory | ram)';
const server = '(server | system)';

export const spokenSystem = {
  status: [
    '[overall | server | system] status [report]',
    'health check',
    'what is the [overall] status',
    'how is the (server | system) doing',
    'how (is | are) (everything | things) [doing | looking]',
    'is everything (ok | okay | fine | running)',
    'is anything wrong',
  ],
  topMemory: [
    `what is using [the] [most] ${memory}`,
    `top ${memory} (processes | users)`,
    `top processes by ${memory}`,
    `(which | what) (process | processes) (is | are) using the most ${memory}`,
  ],
  topCpu: [
    `what is using [the] [most] ${cpu}`,
    `top ${cpu} (processes | users)`,
    `top processes [by ${cpu}]`,
    `(which | what) (process | processes) (is | are) using the most ${cpu}`,
  ],
  temperature: [
    `[${cpu} | ${server}] temperature`,
    `what is the [${cpu} | ${server}] temperature`,
    `what is the temperature of the (${cpu} | ${server})`,
    `how hot is the (${cpu} | ${server})`,
    `is the (${cpu} | ${server}) (too hot | overheating)`,
    'check the temperature',
  ],
  cpu: [
    `${cpu} [usage]`,
    `what is the ${cpu} [usage]`,
    `how busy is the (${cpu} | ${server})`,
    `how much ${cpu} is [being] used`,
    `is the ${cpu} busy`,
    `check the ${cpu}`,
  ],
  memory: [
    `[free | used] ${memory} [usage]`,
    `what is the ${memory} [usage]`,
    `how much ${memory} is [being] used`,
    `how much ${memory} is (free | left)`,
    `how is the ${memory} [doing]`,
    `is the ${memory} full`,
    `check the ${memory}`,
    'swap [usage]',
  ],
  mountDisk: [
    'how full is [the] {mount}',
    '{mount} (usage | space)',
    '[free] space on [the] {mount}',
    'is [the] {mount} full',
  ],
  disk: [
    '[free] (disk | storage) [space | usage]',
    'how full is the (disk | storage)',
    'how much (disk | storage) space is (left | free | used)',
    'how much space is left',
    'is the disk full',
    'check the disk [space | usage]',
    'free space',
  ],
  uptime: [
    `[${server}] uptime`,
    `what is the [${server}] uptime`,
    `how long has the ${server} been (up | running)`,
    'how long has it been (up | running)',
    `when did the ${server} last (boot | reboot | restart)`,
    'when was the last reboot',
    'how long since the last reboot',
  ],
  load: [
    `${server} load [average]`,
    'load average',
    `what is the [${server}] load [average]`,
    'is the load (high | too high)',
    'how high is the load',
  ],
};
