// A real OpenID provider for Bulwark's SSO tests (issue 15 item 4): panva's
// oidc-provider (OpenID Certified), on loopback over https, with one static
// client and development interactions (any login name, any password).
// Started by scripts/oidc-test-provider.sh; never shipped.
//
// Environment: OIDC_PORT, OIDC_TLS_KEY, OIDC_TLS_CERT (made by the script),
// OIDC_CLIENT_ID, OIDC_CLIENT_SECRET, OIDC_EMAIL_DOMAIN.
// Accounts: the login name is the account. An address is used as it is; a
// bare name gets "@" + OIDC_EMAIL_DOMAIN. A login starting with "unverified"
// answers email_verified: false.
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import https from 'node:https';

import Provider from 'oidc-provider';

const port = Number(process.env.OIDC_PORT || 9443);
const issuer = `https://127.0.0.1:${port}`;
const clientId = process.env.OIDC_CLIENT_ID || 'bulwark-test';
const clientSecret = process.env.OIDC_CLIENT_SECRET || 'test-only-oidc-client-secret-not-a-real-one';
const emailDomain = process.env.OIDC_EMAIL_DOMAIN || 'sso-test.example';
const callbackPath = '/api/v1/auth/sso/callback';

const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const signingKey = { ...privateKey.export({ format: 'jwk' }), kid: 'test-rs256', use: 'sig', alg: 'RS256' };

function claimsOf(login) {
  const email = login.includes('@') ? login.toLowerCase() : `${login.toLowerCase()}@${emailDomain}`;
  const local = email.split('@')[0];
  return {
    sub: `sub-${email}`,
    email,
    email_verified: !local.startsWith('unverified'),
    name: local.replace(/[._-]+/g, ' '),
  };
}

const configuration = {
  clients: [{
    client_id: clientId,
    client_secret: clientSecret,
    // Replaced by the check below: Bulwark's test servers listen on any port.
    redirect_uris: [`http://127.0.0.1:1${callbackPath}`],
    grant_types: ['authorization_code'],
    response_types: ['code'],
    token_endpoint_auth_method: 'client_secret_basic',
    id_token_signed_response_alg: 'RS256',
  }],
  jwks: { keys: [signingKey] },
  cookies: { keys: [randomBytes(32).toString('hex')] },
  claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
  // The ID token carries the scope's claims (Bulwark reads email from it).
  conformIdTokenClaims: false,
  pkce: { required: () => true },
  features: { devInteractions: { enabled: true } },
  async findAccount(ctx, id) {
    return { accountId: id, async claims() { return claimsOf(id); } };
  },
  // A first-party client: consent is implied (the recipe of oidc-provider's docs).
  async loadExistingGrant(ctx) {
    const grantId = ctx.oidc.result?.consent?.grantId
      || ctx.oidc.session.grantIdFor(ctx.oidc.client.clientId);
    if (grantId) return ctx.oidc.provider.Grant.find(grantId);
    const grant = new ctx.oidc.provider.Grant({
      clientId: ctx.oidc.client.clientId,
      accountId: ctx.oidc.session.accountId,
    });
    grant.addOIDCScope('openid email profile');
    await grant.save();
    return grant;
  },
};

const provider = new Provider(issuer, configuration);
// Any loopback port, the callback path only (tests start servers on port 0).
provider.Client.prototype.redirectUriAllowed = function redirectUriAllowed(value) {
  try {
    const u = new URL(value);
    return (u.protocol === 'http:' || u.protocol === 'https:')
      && (u.hostname === '127.0.0.1' || u.hostname === 'localhost')
      && u.pathname === callbackPath && !u.search && !u.hash;
  } catch {
    return false;
  }
};

const server = https.createServer({
  key: readFileSync(process.env.OIDC_TLS_KEY),
  cert: readFileSync(process.env.OIDC_TLS_CERT),
}, provider.callback());
server.listen(port, '127.0.0.1', () => {
  console.log(JSON.stringify({ msg: 'listening', issuer }));
});
for (const sig of ['SIGTERM', 'SIGINT']) process.on(sig, () => server.close(() => process.exit(0)));
