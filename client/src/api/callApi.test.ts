import { afterEach, describe, expect, it, vi } from 'vitest';
import { callApi } from './callApi.ts';
import { ApiRequestError } from './client.ts';

interface Sent {
  url: string;
  method: string;
  body: unknown;
}

/** Answers every request with `status` and `body`, and records what was sent. */
function answerWith(status: number, body?: unknown): Sent[] {
  const sent: Sent[] = [];
  vi.stubGlobal('fetch', (url: string, init: RequestInit) => {
    sent.push({
      url,
      method: init.method ?? 'GET',
      body: typeof init.body === 'string' ? JSON.parse(init.body) : undefined,
    });
    const text = body === undefined ? '' : JSON.stringify(body);
    return Promise.resolve(new Response(status === 204 ? null : text, { status }));
  });
  return sent;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('callApi', () => {
  it('takes method and path from the route table and fills in the parameters', async () => {
    const sent = answerWith(204);
    await expect(
      callApi('removeMember', { params: { groupId: 'g 1', personId: 'p_2' } }),
    ).resolves.toBeUndefined();
    expect(sent).toEqual([
      { url: '/api/groups/g%201/members/p_2', method: 'DELETE', body: undefined },
    ]);
  });

  it('sends the body as JSON', async () => {
    const sent = answerWith(200, { error: { code: 'x', message: 'y' } });
    await callApi('autoAssign', {
      params: { sessionId: 's_1' },
      body: { leftovers: 'leave' },
    }).catch(() => undefined);
    expect(sent[0]).toMatchObject({ method: 'POST', body: { leftovers: 'leave' } });
  });

  it("parses the answer with the route's response schema", async () => {
    answerWith(200, { guides: 'not a list' });
    await expect(callApi('listGuides')).rejects.toMatchObject({ code: 'invalid_response' });
  });

  it("turns the server's error body into an ApiRequestError", async () => {
    answerWith(409, { error: { code: 'conflict', message: 'Still has 2 groups.' } });
    const error: unknown = await callApi('deleteSession', { params: { sessionId: 's_1' } }).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(ApiRequestError);
    expect(error).toMatchObject({ status: 409, code: 'conflict', message: 'Still has 2 groups.' });
  });
});
