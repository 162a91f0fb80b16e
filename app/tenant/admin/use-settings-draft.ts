"use client";

import { useEffect, useState, type FormEvent } from "react";
import type { z } from "zod";

/**
 * The editing state of a settings form whose fields are typed as text: a draft filled once from
 * the stored settings, checked with the same zod schema as the server (messages per field) and
 * saved; `saved` says so until the next edit.
 */
export function useSettingsDraft<Draft extends Record<string, string>, Value>(options: {
  stored: Value | undefined;
  toDraft: (stored: Value) => Draft;
  schema: z.ZodType<Value>;
  fromDraft: (draft: Draft) => unknown;
  save: (value: Value) => Promise<unknown>;
}) {
  const { stored, toDraft, schema, fromDraft, save } = options;
  const [draft, setDraft] = useState<Draft | null>(null);
  const [errors, setErrors] = useState<Partial<Record<keyof Draft, string>>>({});
  const [saved, setSaved] = useState(false);

  useEffect(() => {
    if (stored && !draft) setDraft(toDraft(stored));
  }, [stored, draft, toDraft]);

  const update = (change: Partial<Draft>) => {
    setSaved(false);
    setDraft((current) => (current ? { ...current, ...change } : current));
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!draft) return;
    const parsed = schema.safeParse(fromDraft(draft));
    if (!parsed.success) {
      const found: Partial<Record<keyof Draft, string>> = {};
      for (const issue of parsed.error.issues) found[issue.path[0] as keyof Draft] ??= issue.message;
      setErrors(found);
      return;
    }
    setErrors({});
    try {
      await save(parsed.data);
      setSaved(true);
    } catch {
      // The mutation's error is shown by the form; nothing was changed.
    }
  }

  return { draft, errors, saved, update, submit };
}
