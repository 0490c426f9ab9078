/**
 * Non-blocking toasts: <ToastProvider> keeps the list and renders it in a region named "Messages"
 * (an aria-live=polite area that exists from the start, so screen readers announce additions);
 * useToasts() gives any screen show/dismiss. A toast hides itself after its timeout unless it is
 * hovered, holds the focus or has its details open; "Dismiss" closes it at once.
 */
import { createContext, useCallback, useContext, useEffect, useId, useMemo, useRef, useState, type ReactNode } from 'react';
import { addToast, makeToast, removeToast, removeToastByKey, type Toast, type ToastInput } from './toastModel';
import './toasts.css';

export interface ToastApi {
  /** Shows a toast (replacing one with the same key); returns its id. */
  show(input: ToastInput): number;
  dismiss(id: number): void;
  dismissKey(key: string): void;
}

const ToastContext = createContext<ToastApi | null>(null);

/** Toasts of this page. Outside a provider (unit-rendered pieces) toasts are simply not shown. */
export function useToasts(): ToastApi {
  return useContext(ToastContext) ?? NO_TOASTS;
}

const NO_TOASTS: ToastApi = { show: () => 0, dismiss: () => undefined, dismissKey: () => undefined };

export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const nextId = useRef(1);
  const show = useCallback((input: ToastInput) => {
    const id = nextId.current++;
    setToasts((list) => addToast(list, makeToast(input, id)));
    return id;
  }, []);
  const dismiss = useCallback((id: number) => setToasts((list) => removeToast(list, id)), []);
  const dismissKey = useCallback((key: string) => setToasts((list) => removeToastByKey(list, key)), []);
  const api = useMemo(() => ({ show, dismiss, dismissKey }), [show, dismiss, dismissKey]);
  return (
    <ToastContext.Provider value={api}>
      {children}
      <section className="toasts" aria-label="Messages">
        <div className="toasts__live" aria-live="polite">
          {toasts.map((t) => (
            <ToastCard key={t.id} toast={t} onDismiss={() => dismiss(t.id)} />
          ))}
        </div>
      </section>
    </ToastContext.Provider>
  );
}

function ToastCard({ toast, onDismiss }: { toast: Toast; onDismiss: () => void }) {
  const [expanded, setExpanded] = useState(false);
  const [hovered, setHovered] = useState(false);
  const [focused, setFocused] = useState(false);
  const card = useRef<HTMLDivElement>(null);
  const titleId = useId();
  const detailsId = useId();
  const paused = expanded || hovered || focused;
  const dismissRef = useRef(onDismiss);
  dismissRef.current = onDismiss;

  // The countdown starts again in full after a pause (hover, focus, details open).
  useEffect(() => {
    if (toast.timeoutMs === null || paused) return;
    const timer = window.setTimeout(() => dismissRef.current(), toast.timeoutMs);
    return () => window.clearTimeout(timer);
  }, [toast.timeoutMs, paused]);

  function close() {
    // Focus must not fall to the page's body when the toast it sat in goes away.
    if (card.current?.contains(document.activeElement)) document.getElementById('main')?.focus();
    onDismiss();
  }

  return (
    <div
      ref={card}
      className={`toast toast--${toast.kind}`}
      role="group"
      aria-labelledby={titleId}
      onMouseEnter={() => setHovered(true)}
      onMouseLeave={() => setHovered(false)}
      onFocus={() => setFocused(true)}
      onBlur={(e) => {
        if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setFocused(false);
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          close();
        }
      }}
    >
      <p id={titleId} className="toast__title">
        {toast.title}
      </p>
      {toast.message && <p className="toast__message">{toast.message}</p>}
      {expanded && toast.details.length > 0 && (
        <ul id={detailsId} className="toast__details" aria-label="Details">
          {toast.details.map((d, i) => (
            <li key={`${i}-${d.label}`}>
              <strong>{d.label}</strong>: {d.text}
            </li>
          ))}
        </ul>
      )}
      <div className="toast__actions">
        {toast.details.length > 0 && (
          <button
            type="button"
            className="button button--quiet button--small"
            aria-expanded={expanded}
            aria-controls={expanded ? detailsId : undefined}
            onClick={() => setExpanded((v) => !v)}
          >
            {expanded ? 'Hide details' : 'Details'}
          </button>
        )}
        {toast.link && (
          <a className="toast__link" href={toast.link.href} onClick={close}>
            {toast.link.label}
          </a>
        )}
        <button type="button" className="button button--quiet button--small toast__dismiss" onClick={close}>
          Dismiss
        </button>
      </div>
    </div>
  );
}
