"use client";

import { useState } from "react";
import type { AuditFilters } from "./api-types";
import { AuditFilterForm } from "./audit-filter-form";
import { AuditResults } from "./audit-results";
import { ExportButtons } from "./export-buttons";
import { toFilters } from "./filter-draft";
import { IntegrityCheck } from "./integrity-check";

/** The Audit page: filters, what they match (to read or export), and the integrity check. */
export function AuditTrail({ can }: { can: { readUsers: boolean; readPrograms: boolean } }) {
  const [filters, setFilters] = useState<AuditFilters>({});
  return (
    <>
      <AuditFilterForm can={can} onApply={(draft) => setFilters(toFilters(draft))} />
      <div className="mt-4 flex flex-wrap items-start justify-between gap-3">
        <ExportButtons filters={filters} />
        <IntegrityCheck />
      </div>
      <AuditResults filters={filters} />
    </>
  );
}
