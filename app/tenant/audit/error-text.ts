/** A refused request in words: the fields' own messages when the input was refused, else the server's message. */
export function errorText(error: { message: string; data?: { fieldErrors?: { message: string }[] | null } | null }): string {
  return error.data?.fieldErrors?.map((field) => field.message).join(" ") || error.message;
}
