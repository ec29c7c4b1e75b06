import { describe, expect, it } from 'vitest';
import { BandTable } from './band-table.js';

const held = (table: BandTable, key: number): number[] => {
  const slots: number[] = [];
  table.forEach(key, (slot) => slots.push(slot));
  return slots.sort((a, b) => a - b);
};

describe('BandTable', () => {
  it('holds several slots per key and forgets exactly the pair removed', () => {
    const table = new BandTable(16);
    table.add(5, 1);
    table.add(5, 2);
    table.add(21, 3); // same home cell as 5 in a table of 16
    expect(held(table, 5)).toEqual([1, 2]);
    table.remove(5, 1);
    table.remove(5, 9); // absent: nothing happens
    expect(held(table, 5)).toEqual([2]);
    expect(held(table, 21)).toEqual([3]);
    expect(table.count).toBe(2);
  });

  it('holds at most maxPerKey slots under one key, and takes more once one is removed', () => {
    const table = new BandTable(16, 3);
    expect([1, 2, 3, 4].map((slot) => table.add(7, slot))).toEqual([true, true, true, false]);
    expect(table.add(23, 9)).toBe(true); // another key in the same run is not counted
    expect(held(table, 7)).toEqual([1, 2, 3]);
    table.remove(7, 4); // never added: nothing happens
    table.remove(7, 2);
    expect(table.add(7, 5)).toBe(true);
    expect(held(table, 7)).toEqual([1, 3, 5]);
    expect(held(table, 23)).toEqual([9]);
  });

  it('agrees with a plain multimap over many adds and removes, through growth and wrap-around', () => {
    let seed = 11;
    const random = (): number => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return seed / 4294967296;
    };
    const table = new BandTable(16);
    const reference = new Map<number, number[]>();
    const live: [number, number][] = [];
    for (let step = 0; step < 20_000; step += 1) {
      if (live.length > 0 && random() < 0.45) {
        const [key, slot] = live.splice(Math.floor(random() * live.length), 1)[0]!;
        table.remove(key, slot);
        const list = reference.get(key)!;
        list.splice(list.indexOf(slot), 1);
      } else {
        // Few distinct keys, many of them sharing home cells, so runs wrap and shift.
        const key = Math.floor(random() * 300) * 64 + (random() < 0.5 ? 63 : 0);
        const slot = step;
        table.add(key, slot);
        live.push([key, slot]);
        reference.set(key, [...(reference.get(key) ?? []), slot]);
      }
    }
    expect(table.count).toBe(live.length);
    for (const [key, slots] of reference) expect(held(table, key)).toEqual([...slots].sort((a, b) => a - b));
  });
});
