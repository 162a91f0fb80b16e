"use client";

import { useMutation } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import Link from "next/link";
import { useId, useState, type FormEvent } from "react";
import type { AppRouter } from "@/server/trpc/root";
import { useTRPC } from "@/server/trpc/react";

type Grant = inferRouterOutputs<AppRouter>["breakGlass"]["reviewList"]["items"][number];

const when = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });
const time = new Intl.DateTimeFormat(undefined, { timeStyle: "medium" });

/** One grant: who opened whose record, why, for how long, what they read; and its review. */
export function GrantCard({ grant, onReviewed }: { grant: Grant; onReviewed: () => void }) {
  const person = grant.personName ?? "Unnamed person";
  const reads = grant.reads.map((at) => new Date(at));
  return (
    <li aria-label={`${grant.userName}: ${person}, ${grant.programName}`} className="rounded-lg border border-slate-200 bg-white p-4 text-sm" data-testid="grant">
      <p>
        <span className="font-medium">{grant.userName}</span> broke the glass on{" "}
        <Link href={`/people/${grant.personId}`} className="font-medium text-canopy-700 hover:underline">
          {person}
        </Link>{" "}
        — {grant.programName} <span className="text-slate-500">(owned by {grant.ownerName})</span>
      </p>
      <p className="mt-1">
        <span className="text-slate-500">Reason:</span> “{grant.reason}”
      </p>
      <p className="mt-1 text-slate-600">
        Opened {when.format(new Date(grant.createdAt))} · <Lifetime grant={grant} />
      </p>
      <p className="mt-1 text-slate-600">
        {reads.length === 0 ? "Nothing was read under this grant." : `Read ${reads.length === 1 ? "once" : `${reads.length} times`}: ${reads.map((at) => time.format(at)).join(", ")}`}
      </p>
      {grant.reviewedAt ? (
        <p className="mt-2 text-canopy-900">
          Reviewed by {grant.reviewerName ?? "a former user"} on {when.format(new Date(grant.reviewedAt))}
          {grant.reviewComment && <span className="text-slate-600"> — “{grant.reviewComment}”</span>}
        </p>
      ) : (
        <ReviewForm grantId={grant.id} onReviewed={onReviewed} />
      )}
    </li>
  );
}

function Lifetime({ grant }: { grant: Grant }) {
  if (grant.endedAt) return <>ended early {when.format(new Date(grant.endedAt))}</>;
  const expiresAt = new Date(grant.expiresAt);
  return <>{expiresAt.getTime() > Date.now() ? "active until" : "expired"} {when.format(expiresAt)}</>;
}

function ReviewForm({ grantId, onReviewed }: { grantId: string; onReviewed: () => void }) {
  const trpc = useTRPC();
  const review = useMutation(trpc.breakGlass.markReviewed.mutationOptions({ onSuccess: onReviewed }));
  const [open, setOpen] = useState(false);
  const [comment, setComment] = useState("");
  const commentId = useId();

  if (!open) {
    return (
      <button type="button" onClick={() => setOpen(true)} className="mt-2 rounded-md border border-slate-300 px-3 py-1 font-medium hover:bg-slate-50">
        Mark reviewed
      </button>
    );
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    review.mutate({ grantId, comment: comment.trim() || undefined });
  }

  return (
    <form onSubmit={submit} aria-label="Review" className="mt-2 space-y-2">
      <label htmlFor={commentId} className="block font-medium">
        Comment <span className="font-normal text-slate-500">(optional)</span>
      </label>
      <textarea id={commentId} autoFocus rows={2} value={comment} onChange={(e) => setComment(e.target.value)} className="w-full rounded-md border border-slate-300 px-3 py-1.5" />
      {review.error && (
        <p role="alert" className="text-red-800">
          {review.error.message}
        </p>
      )}
      <div className="flex gap-2">
        <button type="submit" disabled={review.isPending} className="rounded-md bg-canopy-600 px-4 py-1.5 font-medium text-white hover:bg-canopy-700 disabled:opacity-60">
          {review.isPending ? "Saving…" : "Confirm review"}
        </button>
        <button type="button" onClick={() => setOpen(false)} className="rounded-md px-3 py-1.5 underline">
          Cancel
        </button>
      </div>
    </form>
  );
}
