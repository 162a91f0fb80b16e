import Link from "next/link";
import { NotificationBell } from "./notification-bell";
import { SignOutButton } from "./sign-out-button";

const ACCOUNT_LINKS: [string, string][] = [
  ["/account", "Profile"],
  ["/sessions", "Sessions"],
  ["/account/password", "Password"],
  ["/account/two-factor", "Two-factor"],
];

/** The bar on every signed-in tenant page: where you are, who you are, where you can go. */
export function TenantHeader(props: { tenantName: string; userName: string; adminLinks: [string, string][] }) {
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-5xl items-center justify-between gap-4 px-6 pt-3">
        <div>
          <Link href="/" className="text-xs font-semibold uppercase tracking-wide text-canopy-700">
            Canopy
          </Link>
          <p className="font-medium" data-testid="tenant-name">
            {props.tenantName}
          </p>
        </div>
        <div className="flex items-center gap-4">
          <p className="text-sm text-slate-600">
            Signed in as{" "}
            <span className="font-medium text-slate-900" data-testid="user-name">
              {props.userName}
            </span>
          </p>
          <NotificationBell />
          <SignOutButton />
        </div>
      </div>
      <nav aria-label="Main" className="mx-auto flex max-w-5xl flex-wrap gap-x-5 gap-y-1 px-6 py-2 text-sm">
        <Link href="/" className="font-medium text-canopy-700 hover:underline">
          Home
        </Link>
        {props.adminLinks.map(([href, label]) => (
          <Link key={href} href={href} className="font-medium text-canopy-700 hover:underline">
            {label}
          </Link>
        ))}
        <span aria-hidden className="text-slate-300">|</span>
        {ACCOUNT_LINKS.map(([href, label]) => (
          <Link key={href} href={href} className="text-slate-700 hover:underline">
            {label}
          </Link>
        ))}
      </nav>
    </header>
  );
}
