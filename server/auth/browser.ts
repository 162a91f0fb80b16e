import Bowser from "bowser";

/** "Chrome 126 on Linux" from a user-agent string, for people reading sessions and sign-ins. */
export function describeBrowser(userAgent: string | null): string {
  if (!userAgent) return "Unknown browser";
  const parsed = Bowser.parse(userAgent);
  const browser = [parsed.browser.name, parsed.browser.version?.split(".")[0]].filter(Boolean).join(" ");
  const os = parsed.os.name;
  return browser ? (os ? `${browser} on ${os}` : browser) : "Unknown browser";
}
