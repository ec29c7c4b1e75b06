import { FetchError } from '../../core/errors.js';
import type { FetchContext } from '../connector.js';
import { asNumber, asRecord, asString, getJson } from '../shared/json-api.js';

const tokens = new Map<string, { token: string; expiresAt: number }>();

/**
 * An application-only OAuth token (client credentials grant), cached until a minute before it
 * expires. Reddit refuses many anonymous clients; with credentials the API is asked on
 * oauth.reddit.com. The secret goes only into the Authorization header, never into a message.
 */
export async function redditToken(context: FetchContext, sourceId: string, authBaseUrl: string, clientId: string, clientSecret: string): Promise<string> {
  const key = `${authBaseUrl}\u0000${clientId}`;
  const cached = tokens.get(key);
  const now = context.now().getTime();
  if (cached && cached.expiresAt > now) return cached.token;
  const basic = Buffer.from(`${clientId}:${clientSecret}`).toString('base64');
  const { json } = await getJson(context, sourceId, `${authBaseUrl.replace(/\/$/, '')}/api/v1/access_token`, {
    authorization: `Basic ${basic}`,
    'content-type': 'application/x-www-form-urlencoded',
  }, { method: 'POST', body: 'grant_type=client_credentials' });
  const answer = asRecord(json);
  const token = asString(answer?.['access_token']);
  if (!token) throw new FetchError(`source "${sourceId}": Reddit refused the client credentials`, { reason: 'forbidden', retryable: false, status: 401 });
  const lifetime = asNumber(answer?.['expires_in']) ?? 3600;
  tokens.set(key, { token, expiresAt: now + Math.max(60, lifetime - 60) * 1000 });
  return token;
}
