/**
 * A multimap from band keys (non-negative 30-bit integers, already well mixed) to ring slots, in one
 * typed array of (key, slot) cells with linear probing, at most 70 % full: 11 to 23 bytes per entry,
 * where a JavaScript Map of small integers costs about 33. A cell's key and slot lie side by side, so
 * a probe touches one cache line, not two: with a window of any size the table outgrows the caches,
 * and lookups wait on memory more than they compute. One key may map to several slots (copies of one story, or
 * texts that share a band); an entry is one (key, slot) pair, removed by backward shifting so that no
 * tombstones accumulate as the ring turns.
 *
 * A key holds at most `maxPerKey` slots: a band shared by that many remembered texts comes from a
 * phrase common to many articles (boilerplate, a house style), not from copies of one story, which
 * agree on several bands. Past the cap, later slots are not added under that key (they stay under
 * their other bands), so one lookup visits at most bands × cap slots whatever the window holds.
 */
const FREE = -1;

export class BandTable {
  /** Cell i is `cells[2i]` (its key, or FREE) and `cells[2i + 1]` (its slot). */
  private cells: Int32Array;
  private mask: number;
  private size = 0;
  private readonly maxPerKey: number;

  constructor(initialCapacity = 1024, maxPerKey = Number.POSITIVE_INFINITY) {
    this.maxPerKey = maxPerKey;
    let capacity = 16;
    while (capacity < initialCapacity) capacity *= 2;
    this.cells = new Int32Array(capacity * 2).fill(FREE);
    this.mask = capacity - 1;
  }

  /** Entries held. */
  get count(): number {
    return this.size;
  }

  /** Adds the entry (key, slot); false (nothing added) when the key already holds `maxPerKey` slots. */
  add(key: number, slot: number): boolean {
    if ((this.size + 1) * 10 > (this.mask + 1) * 7) this.resize((this.mask + 1) * 2);
    const { cells, mask } = this;
    // Every entry of a key lies in the run from its home cell to the first free cell.
    let held = 0;
    let at = key & mask;
    for (; cells[at * 2] !== FREE; at = (at + 1) & mask) if (cells[at * 2] === key && ++held >= this.maxPerKey) return false;
    cells[at * 2] = key;
    cells[at * 2 + 1] = slot;
    this.size += 1;
    return true;
  }

  /** Removes the entry (key, slot) if present. */
  remove(key: number, slot: number): void {
    const { cells, mask } = this;
    let at = key & mask;
    while (cells[at * 2] !== FREE && !(cells[at * 2] === key && cells[at * 2 + 1] === slot)) at = (at + 1) & mask;
    if (cells[at * 2] === FREE) return;
    // Backward shift: move up every later entry of the run whose home is not between the hole and it.
    let hole = at;
    let next = (hole + 1) & mask;
    while (cells[next * 2] !== FREE) {
      const home = cells[next * 2]! & mask;
      const between = hole <= next ? home > hole && home <= next : home > hole || home <= next;
      if (!between) {
        cells[hole * 2] = cells[next * 2]!;
        cells[hole * 2 + 1] = cells[next * 2 + 1]!;
        hole = next;
      }
      next = (next + 1) & mask;
    }
    cells[hole * 2] = FREE;
    this.size -= 1;
  }

  /** Calls `visit` with every slot held under `key`. */
  forEach(key: number, visit: (slot: number) => void): void {
    const { cells, mask, maxPerKey } = this;
    // A key holds at most `maxPerKey` entries: once they are all found, the rest of the run holds none.
    let found = 0;
    for (let at = key & mask; cells[at * 2] !== FREE; at = (at + 1) & mask) {
      if (cells[at * 2] !== key) continue;
      visit(cells[at * 2 + 1]!);
      if (++found >= maxPerKey) return;
    }
  }

  private resize(capacity: number): void {
    const old = this.cells;
    this.cells = new Int32Array(capacity * 2).fill(FREE);
    this.mask = capacity - 1;
    this.size = 0;
    for (let i = 0; i < old.length; i += 2) if (old[i] !== FREE) this.add(old[i]!, old[i + 1]!);
  }
}
