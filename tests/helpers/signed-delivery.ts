import { createHmac, randomUUID } from "node:crypto";

/** A webhook delivery as GitHub POSTs it: the JSON body, its event and delivery id, signed with the app's secret. */
export function signedDelivery(secret: string, name: string, payload: object, id: string = randomUUID()): { method: "POST"; body: string; headers: Record<string, string> } {
  const body = JSON.stringify(payload);
  const signature = `sha256=${createHmac("sha256", secret).update(body).digest("hex")}`;
  return { method: "POST", body, headers: { "content-type": "application/json", "x-github-event": name, "x-github-delivery": id, "x-hub-signature-256": signature } };
}
