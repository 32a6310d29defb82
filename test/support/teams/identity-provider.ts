import { execFileSync } from "node:child_process";
import { generateKeyPairSync, randomUUID, sign, type KeyObject } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { createServer as createHttpsServer } from "node:https";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

// A local stand-in for Microsoft's identity side of the Bot Framework: the channel's OpenID metadata and signing
// keys (what the bot checks inbound tokens against) and the Entra ID token endpoint (where the bot gets the token
// its replies carry). The token side is https, because MSAL refuses any other authority; its self-signed
// certificate is trusted by passing it to the bot's token client (`certificate`).

export const TEST_APP_ID = "00000000-0000-4000-8000-0000000000a1";
export const TEST_APP_PASSWORD = "test-app-password";
export const TEST_TENANT_ID = "11111111-1111-4111-8111-111111111111";
export const CHANNEL_ISSUER = "https://api.botframework.test";
export const TEST_OAUTH_SCOPE = "https://api.botframework.test";

export interface SigningKey {
  kid: string;
  privateKey: KeyObject;
  publicKey: KeyObject;
}

export const newSigningKey = (kid = `kid-${randomUUID()}`): SigningKey => {
  const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  return { kid, privateKey, publicKey };
};

const b64url = (value: Buffer | string) => Buffer.from(value).toString("base64url");

/** An RS256 JWT. */
export function signJwt(claims: Record<string, unknown>, key: { kid: string; privateKey: KeyObject }): string {
  const header = b64url(JSON.stringify({ alg: "RS256", typ: "JWT", kid: key.kid }));
  const payload = b64url(JSON.stringify(claims));
  const signature = sign("RSA-SHA256", Buffer.from(`${header}.${payload}`), key.privateKey);
  return `${header}.${payload}.${b64url(signature)}`;
}

export interface TokenOptions {
  serviceUrl: string;
  audience?: string;
  issuer?: string;
  /** Seconds from now; negative for an expired token. */
  expiresIn?: number;
  /** Sign with another key (same or other kid). */
  key?: { kid: string; privateKey: KeyObject };
  /** Omit the serviceurl claim. */
  withoutServiceUrl?: boolean;
}

export interface IdentityProvider {
  /** The settings that point botbuilder at this provider, under botbuilder's names. */
  settings: Record<string, string>;
  /** The certificate of the token endpoint, to trust. */
  certificate: string;
  signingKey: SigningKey;
  /** A token as the Teams channel would send it to the bot. */
  channelToken(options: TokenOptions): string;
  /** Tokens the bot asked for at the token endpoint, and the access tokens given out. */
  issuedTokens: string[];
  close(): Promise<void>;
}

let certificatePair: { cert: string; key: string } | undefined;
/** One self-signed certificate for 127.0.0.1 per test process (openssl is part of the base image). */
function loopbackCertificate(): { cert: string; key: string } {
  if (certificatePair) return certificatePair;
  const dir = mkdtempSync(join(tmpdir(), "pmp-idp-"));
  try {
    execFileSync(
      "openssl",
      [
        ...["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=127.0.0.1"],
        ...["-addext", "subjectAltName=IP:127.0.0.1", "-keyout", join(dir, "key.pem"), "-out", join(dir, "cert.pem")],
      ],
      { stdio: "ignore" },
    );
    certificatePair = {
      cert: readFileSync(join(dir, "cert.pem"), "utf8"),
      key: readFileSync(join(dir, "key.pem"), "utf8"),
    };
    return certificatePair;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const json = (res: ServerResponse, status: number, body: unknown) => {
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify(body));
};

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

const listen = (server: Server) =>
  new Promise<number>((resolve) =>
    server.listen(0, "127.0.0.1", () => resolve((server.address() as AddressInfo).port)),
  );

/**
 * Starts the provider. The metadata path is unique per instance: botbuilder caches a JWKS for 24 hours per
 * metadata URL, process-wide, so a second provider in the same process must not share the first one's URL.
 */
export async function startIdentityProvider(): Promise<IdentityProvider> {
  const signingKey = newSigningKey();
  const instance = randomUUID().slice(0, 8);
  const certificate = loopbackCertificate();
  const issuedTokens: string[] = [];
  let httpBase = "";
  let httpsBase = "";
  const tokenKey = newSigningKey();

  const metadata = createHttpServer((req, res) => {
    const path = req.url ?? "";
    if (
      path === `/${instance}/botframework/openid-configuration` ||
      path === `/${instance}/emulator/openid-configuration`
    ) {
      return json(res, 200, {
        issuer: CHANNEL_ISSUER,
        jwks_uri: `${httpBase}/${instance}/keys`,
        id_token_signing_alg_values_supported: ["RS256"],
        token_endpoint_auth_methods_supported: ["private_key_jwt"],
      });
    }
    if (path === `/${instance}/keys`) {
      const jwk = signingKey.publicKey.export({ format: "jwk" });
      return json(res, 200, {
        keys: [{ ...jwk, kid: signingKey.kid, kty: "RSA", use: "sig", alg: "RS256", endorsements: ["msteams"] }],
      });
    }
    json(res, 404, { error: "not found" });
  });

  const login = createHttpsServer({ cert: certificate.cert, key: certificate.key }, (req, res) => {
    void (async () => {
      const path = (req.url ?? "").split("?")[0]!;
      const tenant = TEST_TENANT_ID.toLowerCase();
      if (req.method === "GET" && path === `/${tenant}/v2.0/.well-known/openid-configuration`) {
        return json(res, 200, {
          issuer: `${httpsBase}/${tenant}/v2.0`,
          authorization_endpoint: `${httpsBase}/${tenant}/oauth2/v2.0/authorize`,
          token_endpoint: `${httpsBase}/${tenant}/oauth2/v2.0/token`,
          end_session_endpoint: `${httpsBase}/${tenant}/oauth2/v2.0/logout`,
          jwks_uri: `${httpsBase}/${tenant}/discovery/v2.0/keys`,
          response_types_supported: ["code", "id_token", "token"],
        });
      }
      if (req.method === "POST" && path === `/${tenant}/oauth2/v2.0/token`) {
        const form = new URLSearchParams(await readBody(req));
        if (form.get("client_id") !== TEST_APP_ID || form.get("client_secret") !== TEST_APP_PASSWORD) {
          return json(res, 401, { error: "invalid_client" });
        }
        const now = Math.floor(Date.now() / 1000);
        const accessToken = signJwt(
          {
            aud: TEST_OAUTH_SCOPE,
            iss: `${httpsBase}/${tenant}/v2.0`,
            appid: TEST_APP_ID,
            iat: now,
            nbf: now,
            exp: now + 3600,
          },
          tokenKey,
        );
        issuedTokens.push(accessToken);
        return json(res, 200, {
          token_type: "Bearer",
          expires_in: 3600,
          ext_expires_in: 3600,
          access_token: accessToken,
        });
      }
      json(res, 404, { error: "not found" });
    })();
  });

  const metadataPort = await listen(metadata);
  const loginPort = await listen(login as unknown as Server);
  httpBase = `http://127.0.0.1:${metadataPort}`;
  httpsBase = `https://127.0.0.1:${loginPort}`;

  return {
    settings: {
      MicrosoftAppId: TEST_APP_ID,
      MicrosoftAppPassword: TEST_APP_PASSWORD,
      MicrosoftAppType: "SingleTenant",
      MicrosoftAppTenantId: TEST_TENANT_ID,
      ToBotFromChannelOpenIdMetadataUrl: `${httpBase}/${instance}/botframework/openid-configuration`,
      ToBotFromEmulatorOpenIdMetadataUrl: `${httpBase}/${instance}/emulator/openid-configuration`,
      ToBotFromChannelTokenIssuer: CHANNEL_ISSUER,
      ToChannelFromBotLoginUrl: `${httpsBase}/${TEST_TENANT_ID.toLowerCase()}`,
      ToChannelFromBotOAuthScope: TEST_OAUTH_SCOPE,
      OAuthUrl: `${httpBase}/${instance}/oauth`,
      CallerId: "urn:botframework:azure",
      ValidateAuthority: "false",
    },
    certificate: certificate.cert,
    signingKey,
    issuedTokens,
    channelToken(options) {
      const now = Math.floor(Date.now() / 1000);
      return signJwt(
        {
          iss: options.issuer ?? CHANNEL_ISSUER,
          aud: options.audience ?? TEST_APP_ID,
          iat: now - 10,
          nbf: now - 10,
          exp: now + (options.expiresIn ?? 3600),
          ...(options.withoutServiceUrl ? {} : { serviceurl: options.serviceUrl }),
        },
        options.key ?? signingKey,
      );
    },
    async close() {
      for (const server of [metadata, login]) {
        server.closeAllConnections();
        await new Promise<void>((resolve) => server.close(() => resolve()));
      }
    },
  };
}
