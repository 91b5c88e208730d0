/** How a name is said, for the recogniser's grammar and its dictionary. */

const digitWords = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];

/** "plex-server" -> "plex server", "web2" -> "web two", "/mnt/tank" -> "slash mnt slash tank". */
export function spokenWords(name: string): string {
  return name
    .toLowerCase()
    .replace(/\//g, ' slash ')
    .replace(/\d/g, (digit) => ` ${digitWords[Number(digit)]} `)
    .replace(/[^a-z ]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
