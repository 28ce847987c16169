// Undo and redo over commands, in the shape of ProseMirror's history: each entry keeps the
// commands of one group (their inverses are computed when undone), and a command joins the last
// group when it edits the same field within `groupDelay` ms, so typing a title is one undo step.

export class History {
  constructor({ depth = 200, groupDelay = 500 } = {}) {
    this.depth = depth;
    this.groupDelay = groupDelay;
    this.done = [];
    this.undone = [];
  }

  /** Records an applied command; `key` names the field it edits (same key + soon after = same group). */
  record(command, { time = Date.now(), key = null } = {}) {
    const last = this.done[this.done.length - 1];
    if (last && key !== null && last.key === key && time - last.time < this.groupDelay) {
      last.commands.push(command);
      last.time = time;
    } else {
      this.done.push({ commands: [command], key, time });
      if (this.done.length > this.depth) this.done.shift();
    }
    this.undone = [];
  }

  /** Closes the current group, so the next edit starts a new undo step. */
  close() {
    const last = this.done[this.done.length - 1];
    if (last) last.key = null;
  }

  get canUndo() { return this.done.length > 0; }
  get canRedo() { return this.undone.length > 0; }

  /** The commands to apply to undo the last group (inverses, newest first), or null. */
  undo(invert) {
    const group = this.done.pop();
    if (!group) return null;
    this.undone.push(group);
    return group.commands.slice().reverse().map(invert);
  }

  /** The commands to apply to redo the last undone group, or null. */
  redo() {
    const group = this.undone.pop();
    if (!group) return null;
    group.key = null;
    this.done.push(group);
    return group.commands.slice();
  }
}
