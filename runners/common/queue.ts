/**
 * A FIFO with O(1) push and shift, on a ring buffer that doubles when full. Array#shift
 * moves every element left behind, and an executor's queue holds as many tasks as the
 * cell keeps in flight, so each dispatch would pay for the whole backlog. Items may not
 * be null or undefined: `shift` answers undefined for an empty queue.
 */
const INITIAL_CAPACITY = 16;

export class Queue<T extends NonNullable<unknown>> {
  private slots: (T | undefined)[] = new Array<T | undefined>(INITIAL_CAPACITY);
  private head = 0;
  private count = 0;

  get length(): number {
    return this.count;
  }

  push(item: T): void {
    if (this.count === this.slots.length) this.grow();
    this.slots[(this.head + this.count) % this.slots.length] = item;
    this.count++;
  }

  shift(): T | undefined {
    if (this.count === 0) return undefined;
    const item = this.slots[this.head];
    this.slots[this.head] = undefined; // the queue must not keep a settled task alive
    this.head = (this.head + 1) % this.slots.length;
    this.count--;
    return item;
  }

  /** Empties the queue and returns what it held, oldest first. */
  drain(): T[] {
    const items: T[] = [];
    for (let item = this.shift(); item !== undefined; item = this.shift()) items.push(item);
    return items;
  }

  private grow(): void {
    const bigger = new Array<T | undefined>(this.slots.length * 2);
    for (let i = 0; i < this.count; i++) bigger[i] = this.slots[(this.head + i) % this.slots.length];
    this.slots = bigger;
    this.head = 0;
  }
}
