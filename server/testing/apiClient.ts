import { sessionCookieName, type Profile } from '@draftroom/shared';

export interface ApiResponse<T = unknown> {
  status: number;
  body: T;
}

let joined = 0;

/** A plausible profile for a simulated person; `n` makes names distinct. */
export function sampleProfile(overrides: Partial<Profile> = {}): Profile {
  joined += 1;
  return {
    displayName: `Person ${joined}`,
    parliament: 'Parliament of Testland',
    country: 'KE',
    preferredLanguage: 'en',
    ...overrides,
  };
}

/**
 * A person using the REST API the way the browser does: they join with an invite link, keep the
 * session cookie the server sets, and send it with every request. Nothing here is a back door:
 * the cookie comes from the join response's Set-Cookie header.
 */
export class ApiClient {
  private constructor(
    readonly baseUrl: string,
    /** `draftroom_session=<token>`, ready for a Cookie header (websockets too). */
    readonly cookie: string,
    readonly personId: string,
  ) {}

  /** Joins through `/join/<token>` (a full URL or the path) and returns the signed-in person. */
  static async join(
    baseUrl: string,
    joinLink: string,
    profile: Profile = sampleProfile(),
  ): Promise<ApiClient> {
    const token = joinLink.slice(joinLink.lastIndexOf('/join/') + '/join/'.length);
    const response = await fetch(`${baseUrl}/api/invites/${token}/join`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(profile),
    });
    const body = (await response.json()) as { person?: { id: string } };
    if (response.status !== 201 || !body.person) {
      throw new Error(`joining failed with ${response.status}: ${JSON.stringify(body)}`);
    }
    const cookie = sessionCookieFrom(response.headers.getSetCookie());
    if (!cookie) throw new Error('the join response set no session cookie');
    return new ApiClient(baseUrl, cookie, body.person.id);
  }

  /** The same person and cookie against another address (a server restarted on a new port). */
  at(baseUrl: string): ApiClient {
    return new ApiClient(baseUrl, this.cookie, this.personId);
  }

  async request<T = unknown>(
    method: string,
    path: string,
    body?: unknown,
  ): Promise<ApiResponse<T>> {
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: {
        cookie: this.cookie,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : undefined) as T };
  }

  /** A file route (an export): its bytes and headers; the error body as text otherwise. */
  async download(
    path: string,
  ): Promise<{ status: number; headers: Headers; bytes: Uint8Array; text: string }> {
    const response = await fetch(`${this.baseUrl}${path}`, { headers: { cookie: this.cookie } });
    const bytes = new Uint8Array(await response.arrayBuffer());
    return {
      status: response.status,
      headers: response.headers,
      bytes,
      text: new TextDecoder().decode(bytes),
    };
  }

  /** Like `request`, but throws unless the status is the one expected. */
  async expect<T = unknown>(
    status: number,
    method: string,
    path: string,
    body?: unknown,
  ): Promise<T> {
    const response = await this.request<T>(method, path, body);
    if (response.status !== status) {
      throw new Error(
        `${method} ${path}: expected ${status}, got ${response.status}: ${JSON.stringify(response.body)}`,
      );
    }
    return response.body;
  }
}

function sessionCookieFrom(setCookies: string[]): string | undefined {
  for (const header of setCookies) {
    const [pair] = header.split(';');
    if (pair?.startsWith(`${sessionCookieName}=`)) return pair.trim();
  }
  return undefined;
}
