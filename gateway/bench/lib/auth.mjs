// A bench-only token issuer: an RSA key generated per run (never stored beyond the run's temp folder), its JWKS for
// the subgraphs and our gateway, and a token with every write scope that every client request carries.
import { generateKeyPairSync, sign } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

const ISSUER = 'plenum-bench';
const AUDIENCE = 'plenum';

const base64url = (value) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');

export function benchIssuer(dir) {
  const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwksFile = join(dir, 'jwks.json');
  writeFileSync(jwksFile, JSON.stringify({ keys: [{ ...publicKey.export({ format: 'jwk' }), kid: 'bench', use: 'sig', alg: 'RS256' }] }));
  const token = (scope, seconds = 86400) => {
    const now = Math.floor(Date.now() / 1000);
    const input = `${base64url({ alg: 'RS256', typ: 'JWT', kid: 'bench' })}.${base64url({
      iss: ISSUER, aud: AUDIENCE, sub: 'bench', iat: now, exp: now + seconds, scope })}`;
    return `${input}.${sign('sha256', Buffer.from(input), privateKey).toString('base64url')}`;
  };
  return {
    token,
    subgraphFlags: [`-Dmp.jwt.verify.publickey.location=${jwksFile}`, `-Dmp.jwt.verify.issuer=${ISSUER}`,
      `-Dmp.jwt.verify.audiences=${AUDIENCE}`],
    gatewayFlags: [`-Dplenum.gateway.auth.jwks-url=file:${jwksFile}`, `-Dplenum.gateway.auth.issuer=${ISSUER}`,
      `-Dplenum.gateway.auth.audience=${AUDIENCE}`],
  };
}
