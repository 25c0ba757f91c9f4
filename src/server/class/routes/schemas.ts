/** The JSON schemas every class route shares: its path's class code and player id, and the token header. */
import { CLASS_CODE_PATTERN } from '../../../core/classCode';
import { PLAYER_ID_PATTERN, TOKEN_HEADER } from '../../../core/classProtocol';
import { LANGUAGES } from '../../../core/languages';

/** "Bearer " and a token, with room to spare: a longer header is no token of ours. */
const MAX_AUTHORIZATION_CHARS = 200;

export const code = { type: 'string', pattern: CLASS_CODE_PATTERN } as const;
export const playerId = { type: 'string', pattern: PLAYER_ID_PATTERN } as const;
export const authHeaders = {
  type: 'object',
  properties: { [TOKEN_HEADER]: { type: 'string', maxLength: MAX_AUTHORIZATION_CHARS } },
} as const;
/**
 * The language a student plays in: one the game speaks, else refused (400 naming the field), since only a broken or
 * foreign client sends another; a join without it is English, as every join was before.
 */
export const studentLanguage = { type: 'string', enum: [...LANGUAGES] } as const;
export const emptyBody = { type: 'object', additionalProperties: false, properties: {} } as const;
export const classParams = {
  type: 'object',
  required: ['code'],
  additionalProperties: false,
  properties: { code },
} as const;
export const playerParams = {
  type: 'object',
  required: ['code', 'playerId'],
  additionalProperties: false,
  properties: { code, playerId },
} as const;

export type ClassPath = { code: string };
export type PlayerPath = { code: string; playerId: string };
