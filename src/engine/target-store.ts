// The run's targets' state (pool, version, state, health, load balancer membership,
// last successful revision), as typed-array columns by target index instead of one
// object per target. Why: a 100,000-instance Immutable or blue/green run has 200,000
// targets alive for the whole run; as objects (88 bytes each, beside their ids) every
// young-generation GC copied them and every major one marked them, and every step of
// every instance read one from memory the CPU cache no longer held. As columns they
// are a few bytes per target, neither copied nor marked. Strings (pools, versions,
// revisions) are a handful per run, kept once and referred to by code.
import type { TargetState } from '../trace/types.ts';
import { FieldMemo, FIRST_CAPACITY, grow, larger, stateCode, STATES, Table, type TargetIds } from './trace-columns.ts';
import { sizedArray } from './sized-array.ts';

/** Load balancer membership: none (no load balancer), out, in. */
const REGISTERED: readonly (boolean | undefined)[] = [undefined, false, true];

function registeredCode(registered: boolean | undefined): number {
  return registered === undefined ? 0 : registered ? 2 : 1;
}

/** The id of target `i`: i-N for an instance (its number in `numbers`), else its name. */
function idOf(i: number, numbers: Int32Array, names: ReadonlyMap<number, string>): string {
  const n = numbers[i]!;
  return n >= 0 ? `i-${n}` : names.get(i)!;
}

/**
 * A target's index in launch order: how the engine refers to a target while it runs.
 * Its id (a string) is written only when something shows it (narration, the trace).
 */
export type TargetIndex = number;

export class TargetStore {
  /**
   * Each target's instance number (N of its id i-N), or -1 for a target named
   * otherwise (a task set, an alias: its id is in `names`). Why not the id strings:
   * a 100,000-instance run made 100,000 strings as it started, which lived through
   * the run; the young-generation collector copied each twice and kept a remembered
   * slot for each in the old arrays that held them, so a run of ten times the
   * instances cost more than ten times as much.
   */
  private number = new Int32Array(FIRST_CAPACITY);
  /** Ids of the targets that are not instances (i-N), by index: a handful. */
  private readonly names = new Map<TargetIndex, string>();
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

  /**
   * Adds a target: instance number `n` (its id is i-n), or, when `n` is -1, a target
   * with the id `name`. Returns its index. Its last successful revision is the version it starts with.
   */
  add(n: number, name: string | undefined, pool: string, version: string, state: TargetState, healthy: boolean, registered: boolean | undefined): TargetIndex {
    const i = this.length;
    if (i === this.capacity) this.grow(larger(this.capacity));
    this.number[i] = n;
    if (n < 0) this.names.set(i, name!);
    this.length = i + 1;
    this.pool[i] = this.poolMemo.of(pool);
    this.version[i] = this.lastRevision[i] = this.versionMemo.of(version);
    this.state[i] = stateCode(state);
    this.healthy[i] = healthy ? 1 : 0;
    this.registered[i] = registeredCode(registered);
    return i;
  }

  private grow(n: number): void {
    this.number = grow(this.number, n);
    this.pool = grow(this.pool, n);
    this.version = grow(this.version, n);
    this.lastRevision = grow(this.lastRevision, n);
    this.state = grow(this.state, n);
    this.healthy = grow(this.healthy, n);
    this.registered = grow(this.registered, n);
    this.capacity = n;
  }

  /** The id of target `i`, written now (a new string at each call for an instance). */
  idAt(i: TargetIndex): string {
    return idOf(i, this.number, this.names);
  }

  /** The instance number of target `i` (N of i-N), or -1 when it is not an instance. */
  instanceNumberAt(i: TargetIndex): number {
    return this.number[i]!;
  }

  /**
   * The ids as the trace reads them: each written once, when first asked for, and
   * kept (a trace's spans and changes ask for the same ids over and over). Holds
   * its own copy of the numbers, so the store can be let go.
   */
  ids(): TargetIds {
    const numbers = this.number.slice(0, this.length);
    const names = new Map(this.names);
    let written: (string | undefined)[] | undefined;
    return {
      idAt(i) {
        written ??= sizedArray<string | undefined>(numbers.length);
        return (written[i] ??= idOf(i, numbers, names));
      },
    };
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
 * per instance asks the world by index instead (World.stateOf and the like). Read-only:
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
