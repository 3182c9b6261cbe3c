// Where each object and array of a well-formed document opens and closes, recorded by the scanner in the order they
// open, so that locating a problem can jump over whole containers instead of reading the document a second time.

export class ContainerIndex {
  /** Offset of each container's opening bracket, ascending (containers are numbered in the order they open). */
  starts: Int32Array;
  /** Offset of each container's closing bracket. */
  ends: Int32Array;
  /** The number of the first container opened after this one closed: its nested containers lie in between. */
  after: Int32Array;
  count = 0;
  /** How deep the containers nest (the scanner sets it): the editing features stop past a limit. */
  maxDepth = 0;

  /** `expected`: a guess at the number of containers, to spare growing the lists. */
  constructor(expected = 64) {
    const size = Math.max(64, expected);
    this.starts = new Int32Array(size);
    this.ends = new Int32Array(size);
    this.after = new Int32Array(size);
  }

  /** Numbers a container opening at `offset`; returns its number. */
  open(offset: number): number {
    if (this.count === this.starts.length) this.grow();
    this.starts[this.count] = offset;
    return this.count++;
  }

  close(index: number, offset: number): void {
    this.ends[index] = offset;
    this.after[index] = this.count;
  }

  private grow(): void {
    const size = this.starts.length * 2;
    const widen = (from: Int32Array) => {
      const to = new Int32Array(size);
      to.set(from);
      return to;
    };
    this.starts = widen(this.starts);
    this.ends = widen(this.ends);
    this.after = widen(this.after);
  }
}
