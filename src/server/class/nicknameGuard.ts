/**
 * The server's nickname check, on top of the game's own (src/core/nicknames.ts, which every screen runs as the
 * student types): look-alike letters from other scripts (Cyrillic "і", Greek "Ν"), small capitals ("ꜰᴜᴄᴋ") and
 * mathematical or full-width letters are read as the Latin letters they imitate before the blocklist and before
 * the same-name check, and the folded name is also run through the `obscenity` English dataset, whose
 * transformers read leetspeak and spaced-out letters. Kept on the server: the game's first download stays small.
 */
import { confusablesMap } from 'confusables';
import { englishDataset, englishRecommendedTransformers, RegExpMatcher } from 'obscenity';
import { checkNickname, isBlockedNickname, NICKNAME_MESSAGES, type NicknameCheck } from '../../core/nicknames';

/** Unicode's "LATIN LETTER SMALL CAPITAL" letters (there is none for x), which no confusables table lists. */
const SMALL_CAPITALS = 'ᴀʙᴄᴅᴇꜰɢʜɪᴊᴋʟᴍɴᴏᴘꞯʀꜱᴛᴜᴠᴡʏᴢ';
const SMALL_CAPITAL_LETTERS = 'abcdefghijklmnopqrstuvwyz';
const FROM_SMALL_CAPITAL = new Map([...SMALL_CAPITALS].map((char, i) => [char, SMALL_CAPITAL_LETTERS[i]!]));

const profanity = new RegExpMatcher({ ...englishDataset.build(), ...englishRecommendedTransformers });

/**
 * The name with every look-alike letter read as the Latin letter it imitates; ASCII is left as it is. NFKC first
 * takes full-width and mathematical letters ("ｆｕｃｋ", "𝐟𝐮𝐜𝐤") to plain ones.
 */
export function foldLookAlikes(text: string): string {
  let folded = '';
  for (const char of text.normalize('NFKC')) {
    if (char < '\u0080') {
      folded += char;
      continue;
    }
    const small = FROM_SMALL_CAPITAL.get(char);
    const mapped = small ?? confusablesMap.get(char);
    if (mapped === undefined) folded += char;
    // The skeleton reads an upright stroke as "l"; a capital one (Greek Ι, Cyrillic І) is an I in a name.
    else if (mapped === 'l' && char !== char.toLowerCase()) folded += 'I';
    else folded += mapped;
  }
  return folded;
}

/** What two names must not share in one class: the folded name, without accents, case or extra spaces. */
export function nicknameKey(nickname: string): string {
  return foldLookAlikes(nickname).normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/gu, ' ').trim();
}

/** The game's check, then the blocklist and the profanity dataset on the folded name. */
export function checkClassNickname(typed: string): NicknameCheck {
  const check = checkNickname(typed);
  if (!check.ok) return check;
  const folded = foldLookAlikes(check.nickname);
  if (isBlockedNickname(folded) || profanity.hasMatch(folded)) {
    return { ok: false, problem: 'blocked', message: NICKNAME_MESSAGES.blocked };
  }
  return check;
}
