// The one document being edited, and the hooks the parts of the page call when it changes.

export const editor = {
  /** The document tree (see tree.js). */
  tree: { memo: {} },
  /** The draft's id in localStorage. */
  draftId: null,
  /** The name of the file it was opened from (for downloads), or null. */
  name: null,
  /** Called after every change of the tree (set by main.js). */
  onChange: () => {},
  /** Rebuilds the form from the tree (set by main.js); `focus` names the control to focus. */
  onRebuild: () => {},

  /** Shows a line in the status bar (set by main.js). */
  status: () => {},

  changed(source) {
    this.onChange(source);
  },

  rebuild(focus) {
    this.onRebuild(focus);
  },
};
