// Security alerts (Dependabot / code scanning) and the installation permissions that guard them.
import { makeNodeId } from "../ids.js";
import type { Actor, AlertRecord, AlertState, SandboxState, SecurityPermissions } from "../state.js";
import { nextId } from "../state.js";

/** Adds an alert to a list, numbered after the last one. */
export function addAlert(state: SandboxState, alerts: AlertRecord[], prefix: string, alertState: AlertState, now: string): AlertRecord {
  const id = nextId(state);
  const alert: AlertRecord = {
    id,
    nodeId: makeNodeId(prefix, id),
    number: alerts.length + 1,
    state: alertState,
    createdAt: now,
    updatedAt: now,
    fixedAt: alertState === "fixed" ? now : null,
    dismissedAt: alertState === "dismissed" ? now : null,
  };
  alerts.push(alert);
  return alert;
}

/**
 * Whether the actor may read what the permission guards: installation tokens need it granted on
 * their installation; users and admins are governed by repository access alone.
 */
export function hasSecurityPermission(state: SandboxState, actor: Actor, permission: keyof SecurityPermissions): boolean {
  if (actor.kind !== "installation") return true;
  const installation = state.installations.get(actor.installationId);
  return installation?.securityPermissions[permission] === "read";
}

