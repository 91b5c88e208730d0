/**
 * The non-rhotic pronunciations the recogniser's dictionary adds (voice/stt/pronunciation-variants.ts):
 * British and Scottish voices say these words without an r colour, and were heard as other commands.
 */
import { describe, expect, it } from 'vitest';
import { nonRhotic, withVariants } from '../../voice/stt/pronunciation-variants.js';

describe('non-rhotic pronunciation variants', () => {
  it('says a final "-er" and an "-er-" before a consonant as a schwa ("server")', () => {
    expect(nonRhotic('S ER V ER')).toBe('S AH V AH');
    expect(nonRhotic('W ER K ER Z')).toBe('W AH K AH Z');
  });

  it('keeps the r after the schwa before a vowel ("memory", "average")', () => {
    expect(nonRhotic('M EH M ER IY')).toBe('M EH M AH R IY');
    expect(nonRhotic('AE V ER IH JH')).toBe('AE V AH R IH JH');
  });

  it('drops an r after "ah" before a consonant ("start") and leaves words without an r alone', () => {
    expect(nonRhotic('S T AA R T')).toBe('S T AA T');
    expect(nonRhotic('D IH S K')).toBeUndefined();
  });

  it('lists the dictionary pronunciation first, then the extras and variants, without repeats', () => {
    expect(withVariants('server', ['S ER V ER', 'S ER V ER'])).toEqual(['S ER V ER', 'S AH V AH']);
    expect(withVariants('uptime', [])).toEqual(['AH P T AY M']);
  });
});
