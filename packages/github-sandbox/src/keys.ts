import { generateKeyPairSync } from "node:crypto";

let cached: { privateKey: string; publicKey: string } | undefined;

/** A real RSA key pair for signing app JWTs, generated once per process (generation is slow). */
export function appKeyPair(): { privateKey: string; publicKey: string } {
  cached ??= generateKeyPairSync("rsa", {
    modulusLength: 2048,
    publicKeyEncoding: { type: "spki", format: "pem" },
    privateKeyEncoding: { type: "pkcs8", format: "pem" },
  });
  return cached;
}
