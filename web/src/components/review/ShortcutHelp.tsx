import { Dialog } from '../common/Dialog.js';

export const SHORTCUTS: [key: string, what: string][] = [
  ['j', 'next incident'],
  ['k', 'previous incident'],
  ['a', 'accept the incident'],
  ['r', 'reject the incident'],
  ['e', 'edit a field (fatalities, type, sub-type, date)'],
  ['n', 'add a note'],
  ['u', 'undo your last action'],
  ['?', 'show or hide this help'],
  ['Esc', 'close a form or this help'],
];

export function ShortcutHelp({ onClose }: { onClose: () => void }) {
  return (
    <Dialog titleId="help-title" onClose={onClose}>
      <h2 id="help-title">Keyboard shortcuts</h2>
      <dl className="shortcuts">
        {SHORTCUTS.map(([key, what]) => (
          <div key={key}>
            <dt>
              <kbd>{key}</kbd>
            </dt>
            <dd>{what}</dd>
          </div>
        ))}
      </dl>
      <button type="button" autoFocus onClick={onClose}>
        Close
      </button>
    </Dialog>
  );
}
