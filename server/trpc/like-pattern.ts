/** A `%…%` ILIKE pattern that matches the user's text literally (their % and _ are not wildcards). */
export const containsPattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
