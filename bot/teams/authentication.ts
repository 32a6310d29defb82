import type { AgentOptions } from "node:https";
import { ConfidentialClientApplication } from "@azure/msal-node";
import { ConfigurationBotFrameworkAuthentication } from "botbuilder";
import {
  AuthenticationError,
  BotFrameworkAuthentication,
  MsalServiceClientCredentialsFactory,
  type AuthenticateRequestResult,
  type ClaimsIdentity,
  type ConnectorFactory,
  type UserTokenClient,
} from "botframework-connector";
import type { Activity } from "botbuilder";
import { TEAMS_ENDPOINT_SETTINGS } from "../../prisma/runtime/env-fields.js";

/** The Teams settings of a process's environment, under botbuilder's own names (prisma/runtime/env-fields.ts). */
export interface TeamsSettings {
  MicrosoftAppId: string;
  MicrosoftAppPassword: string;
  MicrosoftAppType: "SingleTenant" | "MultiTenant";
  MicrosoftAppTenantId?: string | undefined;
  ToBotFromChannelOpenIdMetadataUrl?: string | undefined;
  ToBotFromEmulatorOpenIdMetadataUrl?: string | undefined;
  ToBotFromChannelTokenIssuer?: string | undefined;
  ToChannelFromBotLoginUrl?: string | undefined;
  ToChannelFromBotOAuthScope?: string | undefined;
  OAuthUrl?: string | undefined;
  CallerId?: string | undefined;
  ValidateAuthority?: string | undefined;
}

/** The settings when the app's credentials are configured; null means Teams is not connected. */
export function teamsSettingsOf(env: Partial<Record<keyof TeamsSettings, string | undefined>>): TeamsSettings | null {
  if (!env.MicrosoftAppId || !env.MicrosoftAppPassword) return null;
  return {
    ...env,
    MicrosoftAppId: env.MicrosoftAppId,
    MicrosoftAppPassword: env.MicrosoftAppPassword,
    MicrosoftAppType: env.MicrosoftAppType === "SingleTenant" ? "SingleTenant" : "MultiTenant",
  };
}

/** Microsoft's public-cloud login host; a single-tenant app signs in at its own tenant, a multi-tenant one at botframework.com. */
const PUBLIC_LOGIN = "https://login.microsoftonline.com";

function authorityOf(settings: TeamsSettings): string {
  const tenant = settings.MicrosoftAppType === "SingleTenant" ? settings.MicrosoftAppTenantId! : "botframework.com";
  const base = settings.ToChannelFromBotLoginUrl ?? `${PUBLIC_LOGIN}/${tenant}`;
  // A single-tenant app configured with the multi-tenant login URL still signs in at its own tenant.
  return base.replace(/\/botframework\.com\/?$/i, `/${tenant}`).toLowerCase();
}

export interface TeamsAuthOptions {
  /** TLS options for the token endpoint (tests trust their local identity provider's certificate here). */
  tokenEndpointAgent?: AgentOptions;
}

/**
 * The inbound and outbound authentication of the Teams bot: incoming JWTs checked against the configured OpenID
 * metadata (audience, issuer, signature, expiry, service URL), and outgoing calls carry a token from the
 * configured login URL. The token client is built here rather than by botbuilder, because botbuilder's own asks
 * Microsoft to resolve the authority first, which a national cloud or a private endpoint does not need.
 */
export function createTeamsAuthentication(
  settings: TeamsSettings,
  options: TeamsAuthOptions = {},
): BotFrameworkAuthentication {
  const authority = authorityOf(settings);
  const msal = new ConfidentialClientApplication({
    auth: {
      clientId: settings.MicrosoftAppId,
      clientSecret: settings.MicrosoftAppPassword,
      authority,
      knownAuthorities: [new URL(authority).host],
    },
    system: options.tokenEndpointAgent ? { customAgentOptions: options.tokenEndpointAgent } : {},
  });
  // botframework-connector is CommonJS and names the CommonJS typings of the same MSAL class.
  type MsalClient = ConstructorParameters<typeof MsalServiceClientCredentialsFactory>[1];
  const credentials = new MsalServiceClientCredentialsFactory(settings.MicrosoftAppId, msal as unknown as MsalClient);
  const endpoints = Object.fromEntries(
    TEAMS_ENDPOINT_SETTINGS.flatMap((name) => (settings[name] ? [[name, settings[name]]] : [])),
  );
  const inner = new ConfigurationBotFrameworkAuthentication(
    {
      MicrosoftAppId: settings.MicrosoftAppId,
      MicrosoftAppType: settings.MicrosoftAppType,
      ...(settings.MicrosoftAppTenantId ? { MicrosoftAppTenantId: settings.MicrosoftAppTenantId } : {}),
      ...endpoints,
    },
    credentials,
  );
  return new UnauthorizedOnAnyFailure(inner);
}

/**
 * botbuilder answers 500 when a token's key id is known but its signature is not (jsonwebtoken's "invalid
 * signature" is not an AuthenticationError). Any failure to authenticate is the caller's, so it is a 401 here.
 */
class UnauthorizedOnAnyFailure extends BotFrameworkAuthentication {
  constructor(private readonly inner: BotFrameworkAuthentication) {
    super();
  }

  private static async guard<T>(attempt: () => Promise<T>): Promise<T> {
    try {
      return await attempt();
    } catch (error) {
      if (error instanceof AuthenticationError) throw error;
      throw new AuthenticationError("Unauthorized. The token could not be validated.", 401);
    }
  }

  authenticateRequest(activity: Activity, authHeader: string): Promise<AuthenticateRequestResult> {
    return UnauthorizedOnAnyFailure.guard(() => this.inner.authenticateRequest(activity, authHeader));
  }

  authenticateStreamingRequest(authHeader: string, channelIdHeader: string): Promise<AuthenticateRequestResult> {
    return UnauthorizedOnAnyFailure.guard(() => this.inner.authenticateStreamingRequest(authHeader, channelIdHeader));
  }

  override authenticateChannelRequest(authHeader: string): Promise<ClaimsIdentity> {
    return UnauthorizedOnAnyFailure.guard(() => this.inner.authenticateChannelRequest(authHeader));
  }

  createConnectorFactory(claimsIdentity: ClaimsIdentity): ConnectorFactory {
    return this.inner.createConnectorFactory(claimsIdentity);
  }

  createUserTokenClient(claimsIdentity: ClaimsIdentity): Promise<UserTokenClient> {
    return this.inner.createUserTokenClient(claimsIdentity);
  }

  override createBotFrameworkClient() {
    return this.inner.createBotFrameworkClient();
  }

  override getOriginatingAudience(): string {
    return this.inner.getOriginatingAudience();
  }
}
