"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { useTRPC } from "@/server/trpc/react";

/** Which groups a unit belongs to, as checkboxes. */
export function UnitGroups({ unitId, groupIds }: { unitId: string; groupIds: string[] }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const groups = useQuery(trpc.orgUnit.groups.queryOptions());
  const set = useMutation(trpc.orgUnit.setMembership.mutationOptions({ onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.orgUnit.pathKey() }) }));
  // Shown at once; the server's answer (refetched) replaces it.
  const [checked, setChecked] = useState(groupIds);
  useEffect(() => setChecked(groupIds), [groupIds]);
  if (!groups.data?.length) return null;
  return (
    <fieldset className="flex flex-wrap gap-4">
      <legend className="mb-1 font-medium">Groups</legend>
      {groups.data.map((g) => (
        <label key={g.id} className="flex items-center gap-1.5">
          <input
            type="checkbox"
            checked={checked.includes(g.id)}
            onChange={(e) => {
              const member = e.target.checked;
              setChecked((ids) => (member ? [...ids, g.id] : ids.filter((id) => id !== g.id)));
              set.mutate({ groupId: g.id, orgUnitId: unitId, member }, { onError: () => setChecked(groupIds) });
            }}
          />
          {g.name}
        </label>
      ))}
    </fieldset>
  );
}
