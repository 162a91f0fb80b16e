import Link from "next/link";
import { SignOutButton } from "./sign-out-button";

/** The bar on every signed-in tenant page: where you are, who you are, how to leave. */
export function TenantHeader({ tenantName, userName, adminLinks }: { tenantName: string; userName: string; adminLinks: [string, string][] }) {
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-5xl items-center justify-between gap-4 px-6 py-3">
        <div>
          <Link href="/" className="text-xs font-semibold uppercase tracking-wide text-canopy-700">
            Canopy
          </Link>
          <p className="font-medium" data-testid="tenant-name">
            {tenantName}
          </p>
        </div>
        <nav aria-label="Account" className="flex items-center gap-4">
          <p className="text-sm text-slate-600">
            Signed in as{" "}
            <span className="font-medium text-slate-900" data-testid="user-name">
              {userName}
            </span>
          </p>
          {[
            ...adminLinks,
            ["/sessions", "Sessions"],
            ["/account/password", "Password"],
            ["/account/two-factor", "Two-factor"],
          ].map(([href, label]) => (
            <Link key={href} href={href!} className="text-sm font-medium text-canopy-700 hover:underline">
              {label}
            </Link>
          ))}
          <SignOutButton />
        </nav>
      </div>
    </header>
  );
}
