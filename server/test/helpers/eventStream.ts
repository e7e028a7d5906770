/**
 * An open server-sent event stream as a page holds it: every `event: <name>` message's JSON,
 * parsed, in order; `stop` closes it. A refused stream keeps its status and hears nothing.
 */
export async function listenToStream<T>(url: string, cookie: string | undefined, event: string) {
  const controller = new AbortController();
  const response = await fetch(url, {
    headers: cookie ? { cookie } : {},
    signal: controller.signal,
  });
  const heard = {
    status: response.status,
    messages: [] as T[],
    stop: () => controller.abort(),
  };
  if (response.status !== 200 || !response.body) return heard;
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  const pattern = new RegExp(`^event: ${event}\\ndata: (.*)$`, 's');
  let buffered = '';
  void (async () => {
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        buffered += decoder.decode(value, { stream: true });
        // Messages end with a blank line; each carries its JSON on one data line.
        let end = buffered.indexOf('\n\n');
        while (end >= 0) {
          const data = pattern.exec(buffered.slice(0, end))?.[1];
          buffered = buffered.slice(end + 2);
          if (data) heard.messages.push(JSON.parse(data) as T);
          end = buffered.indexOf('\n\n');
        }
      }
    } catch {
      // aborted
    }
  })();
  return heard;
}
