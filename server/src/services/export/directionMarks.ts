/** Invisible strong characters that give neutrals and digits next to them a direction (Unicode bidi). */
export const LEFT_TO_RIGHT_MARK = '\u200e';
export const RIGHT_TO_LEFT_MARK = '\u200f';
