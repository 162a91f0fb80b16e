/**
 * How a person is named and summed up in lists. Attributes are metadata, so this goes by the names
 * the Person type uses (the supervisors' review list names people the same way).
 */
const NAME_PARTS = ["First name", "Last name"];
const SUMMARY = ["National ID", "Sex", "Date of birth"];

type Attribute = { id: string; name: string };

export function personName(attributes: readonly Attribute[], values: Record<string, string>): string {
  const parts = NAME_PARTS.flatMap((name) => {
    const value = values[attributes.find((a) => a.name === name)?.id ?? ""];
    return value ? [value] : [];
  });
  return parts.length ? parts.join(" ") : "Unnamed person";
}

/** The attributes a results table shows next to the name, in the type's order. */
export const summaryAttributes = <T extends Attribute>(attributes: readonly T[]): T[] => attributes.filter((a) => SUMMARY.includes(a.name));
