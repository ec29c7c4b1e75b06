/**
 * A multimap from band keys (non-negative 30-bit integers, already well mixed) to ring slots, in two
 * typed arrays with linear probing, at most 70 % full: 11 to 23 bytes per entry, where a JavaScript
 * Map of small integers costs about 33. One key may map to several slots (copies of one story, or
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
  private keys: Int32Array;
  private slots: Int32Array;
  private mask: number;
  private size = 0;
  private readonly maxPerKey: number;

  constructor(initialCapacity = 1024, maxPerKey = Number.POSITIVE_INFINITY) {
    this.maxPerKey = maxPerKey;
    let capacity = 16;
    while (capacity < initialCapacity) capacity *= 2;
    this.keys = new Int32Array(capacity).fill(FREE);
    this.slots = new Int32Array(capacity);
    this.mask = capacity - 1;
  }

  /** Entries held. */
  get count(): number {
    return this.size;
  }

  /** Adds the entry (key, slot); false (nothing added) when the key already holds `maxPerKey` slots. */
  add(key: number, slot: number): boolean {
    if ((this.size + 1) * 10 > this.keys.length * 7) this.resize(this.keys.length * 2);
    // Every entry of a key lies in the run from its home cell to the first free cell.
    let held = 0;
    let at = key & this.mask;
    for (; this.keys[at] !== FREE; at = (at + 1) & this.mask) if (this.keys[at] === key && ++held >= this.maxPerKey) return false;
    this.keys[at] = key;
    this.slots[at] = slot;
    this.size += 1;
    return true;
  }

  /** Removes the entry (key, slot) if present. */
  remove(key: number, slot: number): void {
    const { keys, slots, mask } = this;
    let at = key & mask;
    while (keys[at] !== FREE && !(keys[at] === key && slots[at] === slot)) at = (at + 1) & mask;
    if (keys[at] === FREE) return;
    // Backward shift: move up every later entry of the run whose home is not between the hole and it.
    let hole = at;
    let next = (hole + 1) & mask;
    while (keys[next] !== FREE) {
      const home = keys[next]! & mask;
      const between = hole <= next ? home > hole && home <= next : home > hole || home <= next;
      if (!between) {
        keys[hole] = keys[next]!;
        slots[hole] = slots[next]!;
        hole = next;
      }
      next = (next + 1) & mask;
    }
    keys[hole] = FREE;
    this.size -= 1;
  }

  /** Calls `visit` with every slot held under `key`. */
  forEach(key: number, visit: (slot: number) => void): void {
    const { keys, slots, mask } = this;
    for (let at = key & mask; keys[at] !== FREE; at = (at + 1) & mask) if (keys[at] === key) visit(slots[at]!);
  }

  private resize(capacity: number): void {
    const oldKeys = this.keys;
    const oldSlots = this.slots;
    this.keys = new Int32Array(capacity).fill(FREE);
    this.slots = new Int32Array(capacity);
    this.mask = capacity - 1;
    this.size = 0;
    for (let i = 0; i < oldKeys.length; i += 1) if (oldKeys[i] !== FREE) this.add(oldKeys[i]!, oldSlots[i]!);
  }
}
