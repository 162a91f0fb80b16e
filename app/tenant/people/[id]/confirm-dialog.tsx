"use client";

import { Modal } from "../modal";

/** Asks before something that cannot be undone from the page; the safe choice has the focus. */
export function ConfirmDialog(props: {
  title: string;
  message: string;
  confirmLabel: string;
  pending: boolean;
  error: string | null;
  onConfirm: () => void;
  onClose: () => void;
}) {
  return (
    <Modal title={props.title} onClose={props.onClose}>
      <p className="mt-2 text-sm">{props.message}</p>
      {props.error && (
        <p role="alert" className="mt-2 text-sm text-red-800">
          {props.error}
        </p>
      )}
      <div className="mt-4 flex gap-2">
        <button
          type="button"
          disabled={props.pending}
          onClick={props.onConfirm}
          className="rounded-md bg-red-700 px-4 py-1.5 text-sm font-medium text-white hover:bg-red-800 disabled:opacity-60"
        >
          {props.confirmLabel}
        </button>
        <button type="button" autoFocus onClick={props.onClose} className="rounded-md px-3 py-1.5 text-sm underline">
          Cancel
        </button>
      </div>
    </Modal>
  );
}
