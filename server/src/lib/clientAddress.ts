import type { IncomingMessage } from 'node:http';
import ipaddr from 'ipaddr.js';
import proxyAddr from 'proxy-addr';

/**
 * Which reverse proxies in front of the server may say who the client is (TRUST_PROXY):
 * none, the nearest `n` hops, or the listed addresses and ranges (proxy-addr syntax).
 */
export type TrustProxySetting = false | number | readonly string[];

/** proxy-addr's trust function: may the hop at `address`, `hop` steps from us, be believed? */
export type TrustFunction = (address: string, hop: number) => boolean;

/**
 * Compiles the setting once, as Express itself would (`trust proxy` accepts the same function),
 * so `request.ip`, `request.protocol` and every limit agree on who the client is.
 */
export function compileTrust(setting: TrustProxySetting): TrustFunction {
  if (setting === false) return () => false;
  if (typeof setting === 'number') return (_address, hop) => hop < setting;
  return proxyAddr.compile([...setting]);
}

/**
 * The one place that decides which client a request (REST or websocket upgrade) comes from,
 * for every per-client limit. The answer is the nearest address that is not a trusted proxy:
 * X-Forwarded-For entries are read right to left and only while each hop is trusted, so a
 * client cannot pick its own address by writing the header itself.
 *
 * The result is a limit key, not a display address: IPv4-mapped IPv6 becomes plain IPv4, an
 * IPv6 client counts as its /64 network (one host usually holds a whole /64 and could rotate
 * through it), and anything that is not an IP address (a trusted proxy passing on junk) shares
 * the single key `invalid`.
 */
export function clientAddress(request: IncomingMessage, trust: TrustFunction): string {
  if (!request.socket.remoteAddress) return 'unknown';
  return limitKey(proxyAddr(request, trust));
}

function limitKey(address: string): string {
  if (!ipaddr.isValid(address)) return 'invalid';
  const parsed = ipaddr.process(address);
  if (parsed.kind() === 'ipv4') return parsed.toString();
  const network = (parsed as ipaddr.IPv6).parts.slice(0, 4);
  return `${new ipaddr.IPv6([...network, 0, 0, 0, 0]).toString()}/64`;
}

/** The compiled trust and the client address bound to it, handed to Express and the collab server. */
export interface ClientAddressing {
  trust: TrustFunction;
  clientAddress(request: IncomingMessage): string;
}

export function clientAddressing(setting: TrustProxySetting): ClientAddressing {
  const trust = compileTrust(setting);
  return { trust, clientAddress: (request) => clientAddress(request, trust) };
}
