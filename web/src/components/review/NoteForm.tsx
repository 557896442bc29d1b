// Add a note to an incident (POST /api/incidents/:id/note): it goes into the history like any action.
import { useState, type FormEvent } from 'react';
import { Dialog, FormFooter } from '../common/Dialog.js';

interface Props {
  incidentId: string;
  /** Resolves null when the note was saved, else the error to show. */
  onSave: (text: string) => Promise<string | null>;
  onCancel: () => void;
}

export function NoteForm({ incidentId, onSave, onCancel }: Props) {
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!text.trim()) {
      setError('Write the note first.');
      return;
    }
    setBusy(true);
    const failure = await onSave(text.trim());
    if (failure) {
      setError(failure);
      setBusy(false);
    }
  };

  return (
    <Dialog titleId="note-title" onClose={onCancel}>
      <form onSubmit={(e) => void submit(e)}>
        <h2 id="note-title">Add a note</h2>
        <p className="muted">Incident {incidentId}</p>
        <label>
          Note
          <textarea autoFocus rows={4} value={text} onChange={(e) => setText(e.target.value)} />
        </label>
        <FormFooter error={error} busy={busy} submitLabel="Save note" onCancel={onCancel} />
      </form>
    </Dialog>
  );
}
