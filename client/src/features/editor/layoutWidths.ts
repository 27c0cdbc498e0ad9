/**
 * The widths where the drafting screen changes shape; editor.css uses the same values (CSS cannot read these).
 * Phones (up to 40rem) get the text full width, a bar of panel buttons at the bottom and panels as sheets over the text;
 * tablets a rail with panels drawn over the text; from 75rem (laptops) the open panel sits beside the text.
 */
export const PHONE_QUERY = '(max-width: 40rem)';
export const WIDE_QUERY = '(min-width: 75rem)';
