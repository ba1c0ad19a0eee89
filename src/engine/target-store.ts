// The run's targets' state (pool, version, state, health, load balancer membership,
// last successful revision), as typed-array columns by target index instead of one
// object per target. Why: a 100,000-instance Immutable or blue/green run has 200,000
// targets alive for the whole run; as objects (88 bytes each, beside their ids) every
// young-generation GC copied them and every major one marked them, and every step of
// every instance read one from memory the CPU cache no longer held. As columns they
// are a few bytes per target, neither copied nor marked. Strings (pools, versions,
// revisions) are a handful per run, kept once and referred to by code.
import type { TargetState } from '../trace/types.ts';
import { FieldMemo, FIRST_CAPACITY, grow, larger, stateCode, STATES, Table } from './trace-columns.ts';
import { sizedArray } from './sized-array.ts';

/** Load balancer membership: none (no load balancer), out, in. */
const REGISTERED: readonly (boolean | undefined)[] = [undefined, false, true];

function registeredCode(registered: boolean | undefined): number {
  return registered === undefined ? 0 : registered ? 2 : 1;
}

export class TargetStore {
  /**
   * The targets' ids in launch order (their index), up to `length`; grown with the
   * columns, not by push (see reserve).
   */
  private ids = sizedArray<string>(FIRST_CAPACITY);
  length = 0;
  private capacity = FIRST_CAPACITY;
  /** Codes in `strings`. */
  private pool = new Int32Array(FIRST_CAPACITY);
  private version = new Int32Array(FIRST_CAPACITY);
  private lastRevision = new Int32Array(FIRST_CAPACITY);
  private state = new Uint8Array(FIRST_CAPACITY);
  private healthy = new Uint8Array(FIRST_CAPACITY);
  private registered = new Uint8Array(FIRST_CAPACITY);
  private readonly strings = new Table<string>();
  /** The pool, version and last revision share `strings`: each remembers its last value (FieldMemo). */
  private readonly poolMemo = new FieldMemo(this.strings);
  private readonly versionMemo = new FieldMemo(this.strings);
  private readonly revisionMemo = new FieldMemo(this.strings);

  /**
   * Makes room for `count` more targets at once: a group of 100,000 instances then
   * grows the columns once, to its size, instead of fourfold steps past it.
   */
  reserve(count: number): void {
    if (this.length + count > this.capacity) this.grow(this.length + count);
  }

  /** Adds a target; returns its index. Its last successful revision is the version it starts with. */
  add(id: string, pool: string, version: string, state: TargetState, healthy: boolean, registered: boolean | undefined): number {
    const i = this.length;
    if (i === this.capacity) this.grow(larger(this.capacity));
    this.ids[i] = id;
    this.length = i + 1;
    this.pool[i] = this.poolMemo.of(pool);
    this.version[i] = this.lastRevision[i] = this.versionMemo.of(version);
    this.state[i] = stateCode(state);
    this.healthy[i] = healthy ? 1 : 0;
    this.registered[i] = registeredCode(registered);
    return i;
  }

  private grow(n: number): void {
    const ids = sizedArray<string>(n);
    for (let i = 0; i < this.length; i++) ids[i] = this.ids[i]!;
    this.ids = ids;
    this.pool = grow(this.pool, n);
    this.version = grow(this.version, n);
    this.lastRevision = grow(this.lastRevision, n);
    this.state = grow(this.state, n);
    this.healthy = grow(this.healthy, n);
    this.registered = grow(this.registered, n);
    this.capacity = n;
  }

  idAt(i: number): string {
    return this.ids[i]!;
  }

  /** The ids in launch order, as a list of its own. */
  idList(): string[] {
    return this.ids.slice(0, this.length);
  }

  poolAt(i: number): string {
    return this.strings.list[this.pool[i]!]!;
  }
  versionAt(i: number): string {
    return this.strings.list[this.version[i]!]!;
  }
  lastRevisionAt(i: number): string {
    return this.strings.list[this.lastRevision[i]!]!;
  }
  stateAt(i: number): TargetState {
    return STATES[this.state[i]!]!;
  }
  healthyAt(i: number): boolean {
    return this.healthy[i] === 1;
  }
  registeredAt(i: number): boolean | undefined {
    return REGISTERED[this.registered[i]!];
  }

  setPool(i: number, pool: string): void {
    this.pool[i] = this.poolMemo.of(pool);
  }
  setVersion(i: number, version: string): void {
    this.version[i] = this.versionMemo.of(version);
  }
  setLastRevision(i: number, revision: string): void {
    this.lastRevision[i] = this.revisionMemo.of(revision);
  }
  setState(i: number, state: TargetState): void {
    this.state[i] = stateCode(state);
  }
  setHealthy(i: number, healthy: boolean): void {
    this.healthy[i] = healthy ? 1 : 0;
  }
  setRegistered(i: number, registered: boolean): void {
    this.registered[i] = registeredCode(registered);
  }
}

/**
 * One target of a TargetStore seen as an object (World.target, World.targets), made
 * when asked for: for the places that read a few fields of a few targets. What runs
 * per instance asks the world by id instead (World.stateOf and the like). Read-only:
 * changes go through the world's setters, which record them in the trace's changes.
 */
export class TargetView {
  constructor(
    private readonly store: TargetStore,
    /** Its position in launch order: how the recorded spans and changes refer to it. */
    readonly index: number,
  ) {}

  get id(): string {
    return this.store.idAt(this.index);
  }
  /** Which traffic pool (load balancer, environment, task set) the target serves in. */
  get pool(): string {
    return this.store.poolAt(this.index);
  }
  /** The application version it runs; '' before anything is installed. */
  get version(): string {
    return this.store.versionAt(this.index);
  }
  get state(): TargetState {
    return this.store.stateAt(this.index);
  }
  get healthy(): boolean {
    return this.store.healthyAt(this.index);
  }
  /** Load balancer (or listener) membership; undefined for a target without one. */
  get registered(): boolean | undefined {
    return this.store.registeredAt(this.index);
  }
  /** The last revision successfully deployed to it (CodeDeploy's "last successful revision"). */
  get lastSuccessfulRevision(): string {
    return this.store.lastRevisionAt(this.index);
  }
}
