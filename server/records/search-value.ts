import type { FieldMeta } from "./value-schema";

/** The form the database stores for search (attribute_value_normalize): trimmed, single spaces, lower case. */
export const normalizeSearchValue = (value: string) => value.trim().replace(/\s+/g, " ").toLowerCase();

/** Free text is searched by prefix (a name's first letters); every other type by its exact value. */
export const searchMode = (field: Pick<FieldMeta, "valueType">): "prefix" | "exact" => (field.valueType === "text" ? "prefix" : "exact");

/**
 * Above every stored value that starts with `prefix`, byte-wise (values are compared with
 * collate "C"): the prefix followed by the highest code point, a noncharacter no name holds.
 */
export const prefixUpperBound = (prefix: string) => `${prefix}\u{10FFFF}`;
