/** The dialog the workbench has open, if any. */
import { Dialog } from './Dialog.js';
import { FormDialog } from './FormDialog.js';
import { projectNameFromPath, type Workbench } from './use-workbench.js';

export function Dialogs({ workbench }: { workbench: Workbench }) {
  const { dialog, actions, info } = workbench;
  const close = () => actions.setDialog(null);
  if (!dialog) return null;
  switch (dialog.kind) {
    case 'newProject':
      return (
        <FormDialog
          title="New project"
          description="A project is a folder ending in .factmark that holds its documents, sources and verdicts."
          fields={[
            { name: 'path', label: 'Folder for the new project', hint: 'A full path, e.g. /home/you/Checks/Election.factmark', placeholder: '/path/to/Name.factmark' },
            { name: 'name', label: 'Project name', required: false, hint: 'Leave empty to use the folder name.' },
          ]}
          submitLabel="Create project"
          onSubmit={({ path, name }) => actions.createAt(path!.trim(), name!.trim() || projectNameFromPath(path!.trim()))}
          onClose={close}
        />
      );
    case 'openProject':
      return (
        <FormDialog
          title="Open project"
          fields={[{ name: 'path', label: 'Project folder', hint: 'The full path of a .factmark folder, or of a file inside it.', placeholder: '/path/to/Name.factmark' }]}
          submitLabel="Open"
          onSubmit={({ path }) => actions.openPath(path!.trim())}
          onClose={close}
        />
      );
    case 'newDocument':
      return (
        <FormDialog
          title="New document"
          description="Paste or type the text to examine. Each line becomes a paragraph; text pasted from a web page keeps its headings, lists and links."
          fields={[
            { name: 'title', label: 'Title' },
            { name: 'text', label: 'Text', kind: 'textarea', keepPastedHtml: true, hint: 'Ctrl+Enter adds the document.' },
          ]}
          submitLabel="Add document"
          onSubmit={({ title, text, textHtml }) => actions.createDocument(title!.trim(), text!, textHtml)}
          onClose={close}
        />
      );
    case 'renameDocument':
      return (
        <FormDialog
          title="Rename document"
          fields={[{ name: 'title', label: 'Title', initial: dialog.title }]}
          submitLabel="Rename"
          onSubmit={({ title }) => actions.renameDocument(dialog.documentId, title!.trim())}
          onClose={close}
        />
      );
    case 'deleteDocument':
      return (
        <FormDialog
          title={`Delete “${dialog.title}”?`}
          description="The document and its annotations leave the project. A copy is kept in the project's trash folder."
          fields={[]}
          submitLabel="Delete document"
          onSubmit={() => actions.deleteDocument(dialog.documentId)}
          onClose={close}
        />
      );
    case 'reimport':
      return (
        <FormDialog
          title={`Read “${dialog.title}” again as ${dialog.encoding}?`}
          description="The text is decoded again from the file as it was received. It replaces the current text, including any edits made since the import."
          fields={[]}
          submitLabel={`Read as ${dialog.encoding}`}
          onSubmit={() => actions.reimport(dialog.documentId, dialog.encoding)}
          onClose={close}
        />
      );
    case 'restoreOriginal':
      return (
        <FormDialog
          title={`Restore “${dialog.title}” as imported?`}
          description="The text goes back to the original as imported. Nothing is lost: the restore is kept as a revision, and every earlier revision stays listed. Annotations are placed again on the restored text."
          fields={[]}
          submitLabel="Restore the original"
          onSubmit={() => actions.restoreOriginal(dialog.documentId)}
          onClose={close}
        />
      );
    case 'about':
      return (
        <Dialog title="About Factmark" onClose={close}>
          <p>
            Factmark {info?.version} — {info?.host === 'desktop' ? 'desktop app' : 'browser host'} on {info?.platform}.
          </p>
          <p class="muted">Your projects stay on this computer. Factmark sends nothing over the network.</p>
          <div class="dialog-buttons">
            <button class="primary" autoFocus onClick={close}>Close</button>
          </div>
        </Dialog>
      );
  }
}
