import type { AppAbility } from "@/server/access/ability";

/**
 * The main navigation: each page with the permission that makes it useful. Computed once per page
 * on the server from the viewer's ability (the pages and procedures check again).
 */
const NAV_LINKS: { href: string; label: string; can: (ability: AppAbility) => boolean }[] = [
  { href: "/people", label: "People", can: (a) => a.can("read", "trackedEntity") },
  { href: "/break-glass", label: "Break-the-glass review", can: (a) => a.can("reviewBreakGlass", "trackedEntity") },
  { href: "/audit", label: "Audit", can: (a) => a.can("read", "auditLog") },
  { href: "/admin/users", label: "Users", can: (a) => a.can("read", "user") },
  { href: "/admin/roles", label: "Roles", can: (a) => a.can("read", "role") },
  { href: "/admin/org-units", label: "Org units", can: (a) => a.can("update", "orgUnit") },
  // Readers such as clerks and analysts use programs; this page is for those who build them.
  { href: "/admin/programs", label: "Programs", can: (a) => a.can("create", "program") || a.can("update", "program") },
  { href: "/admin/security", label: "Security", can: (a) => a.can("manageSecurity", "tenantSettings") },
  { href: "/admin/retention", label: "Retention", can: (a) => a.can("manageSecurity", "tenantSettings") },
];

export const navLinksFor = (ability: AppAbility): [string, string][] => NAV_LINKS.filter((link) => link.can(ability)).map((link) => [link.href, link.label]);
