import { describe, expect, it } from 'vitest';
import { DueQueue } from './due-queue.js';

describe('DueQueue', () => {
  it('pops entries earliest first', () => {
    const queue = new DueQueue<string>();
    const times = [50, 10, 40, 10, 99, 0, 33, 7];
    times.forEach((at, i) => queue.push(at, `s${i}`));
    const order: number[] = [];
    while (queue.size > 0) {
      const next = queue.peekTime();
      queue.pop();
      order.push(next);
    }
    expect(order).toEqual([...times].sort((a, b) => a - b));
    expect(queue.pop()).toBeUndefined();
    expect(queue.peekTime()).toBe(Infinity);
  });
});
