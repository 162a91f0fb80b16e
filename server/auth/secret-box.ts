import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import { env } from "@/server/env";

/**
 * Seals small secrets (TOTP keys) at rest with AES-256-GCM under a key derived from
 * CANOPY_SECRET_KEY, so a copy of the database alone cannot produce anyone's codes.
 * Format: `v1.<iv>.<tag>.<ciphertext>`, each part base64url.
 */
export type SecretBox = { seal: (plaintext: string) => string; open: (sealed: string) => string };

const VERSION = "v1";

export function createSecretBox(secretKey: string): SecretBox {
  const key = Buffer.from(hkdfSync("sha256", secretKey, "canopy", "secret-box v1", 32));
  return {
    seal(plaintext) {
      const iv = randomBytes(12);
      const cipher = createCipheriv("aes-256-gcm", key, iv);
      const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
      return [VERSION, ...[iv, cipher.getAuthTag(), ciphertext].map((part) => part.toString("base64url"))].join(".");
    },
    open(sealed) {
      const [version, iv, tag, ciphertext] = sealed.split(".");
      if (version !== VERSION || !iv || !tag || ciphertext === undefined) throw new Error("Unrecognised sealed value.");
      const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"));
      decipher.setAuthTag(Buffer.from(tag, "base64url"));
      return Buffer.concat([decipher.update(Buffer.from(ciphertext, "base64url")), decipher.final()]).toString("utf8");
    },
  };
}

let appBox: SecretBox | undefined;

/** The app's box, keyed by CANOPY_SECRET_KEY. */
export function secretBox(): SecretBox {
  if (!env.CANOPY_SECRET_KEY) throw new Error("CANOPY_SECRET_KEY is not set.");
  appBox ??= createSecretBox(env.CANOPY_SECRET_KEY);
  return appBox;
}
