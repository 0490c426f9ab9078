/** The "?" dialog listing the keyboard commands (from the same data the key bindings use). */
import { useEffect, useRef } from 'react';
import type { Command } from './commands';

interface ShortcutHelpProps {
  open: boolean;
  commands: Command[];
  onClose: () => void;
}

const keyName = (key: string) => (key === 'Enter' ? '↵ Enter' : key);

export function ShortcutHelp({ open, commands, onClose }: ShortcutHelpProps) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog ref={ref} className="shortcuts" aria-labelledby="shortcuts-title" onClose={onClose}>
      <h2 id="shortcuts-title">Keyboard shortcuts</h2>
      <dl>
        {commands.map((c) => (
          <div key={c.id} className="shortcuts__row">
            <dt>
              {c.keys.map((k) => (
                <kbd key={k}>{keyName(k)}</kbd>
              ))}
            </dt>
            <dd>{c.label}</dd>
          </div>
        ))}
      </dl>
      <form method="dialog">
        <button type="submit" className="button">
          Close
        </button>
      </form>
    </dialog>
  );
}
