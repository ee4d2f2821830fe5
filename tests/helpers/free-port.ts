import { createServer } from "node:net";

/** A loopback port nobody listens on right now (Probot's Server reads port 0 as "use 3000", so one is found first). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (!address || typeof address === "string") throw new Error("no loopback port");
  return address.port;
}
