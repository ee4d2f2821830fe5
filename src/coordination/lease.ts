import type { Serializer } from "../engine/serialize.js";

/** What a leased job did: ran here (with its result), or was left to the replica holding the lease. */
export type LeaseOutcome<T> = { ran: true; value: T } | { ran: false };

/** Lets one replica of several run a periodic job; the others skip it while the lease holds. */
export interface CheckLease {
  runOnce<T>(name: string, holdMs: number, work: () => Promise<T>): Promise<LeaseOutcome<T>>;
}

/** Runs each webhook delivery (by its `X-GitHub-Delivery` id) once across replicas. */
export interface DeliveryGate {
  once(id: string, work: () => Promise<void>): Promise<void>;
}

/** How the replicas of one deployment take turns: per scope (an issue) and for the timer's check. */
export interface Coordination {
  /** Runs work for one scope key at a time, across every replica that shares it. */
  serialize: Serializer;
  checks: CheckLease;
  deliveries: DeliveryGate;
  /** Which backend: `process` (one replica's own turns) or `redis` (shared by every replica). */
  kind: "process" | "redis";
  close(): Promise<void>;
}

/** The single-process default: turns within this process only, and the timer's check always runs. */
export const alwaysRun: CheckLease = {
  async runOnce(_name, _holdMs, work) {
    return { ran: true, value: await work() };
  },
};

/** Without a shared store every delivery runs; copies converge through the engine's idempotence. */
export const everyDelivery: DeliveryGate = {
  once: (_id, work) => work(),
};
