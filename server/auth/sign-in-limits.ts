/** Shared by the server and the sign-in form, so this file holds plain values only. */

/** The error code next-auth hands to the browser when an IP address is refused. */
export const RATE_LIMITED = "rate_limited";
/** How long an IP address that failed too often is refused, and the window its failures count in. */
export const IP_WINDOW_MINUTES = 15;
