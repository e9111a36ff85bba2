// Who is on the other end of a request, worked out where the socket is (scripts/server.mjs) and handed
// to the app in a header of Headland's own. The server imports this outside Next: plain Node only.
import { BlockList, isIP } from "node:net";

/** Set by scripts/server.mjs on every request, replacing any copy the client sent; nothing else is trusted. */
export const clientAddressHeader = "x-headland-client-address";

export type TrustedProxies =
  | { kind: "none" }
  | { kind: "hops"; count: number }
  | { kind: "cidrs"; list: BlockList; text: string };

/**
 * HEADLAND_TRUSTED_PROXIES: unset or 0 (Headland is reached directly, the socket is the client), a number
 * of proxy hops in front of Headland, or a comma-separated list of proxy addresses and CIDR ranges.
 */
export function parseTrustedProxies(value: string | undefined): TrustedProxies {
  const text = value?.trim() ?? "";
  if (!text || text === "0") return { kind: "none" };
  if (/^\d+$/.test(text)) {
    const count = Number(text);
    if (count > 10) throw new Error(`HEADLAND_TRUSTED_PROXIES: ${count} hops is more than any real chain of proxies`);
    return { kind: "hops", count };
  }
  const list = new BlockList();
  for (const entry of text.split(",").map((e) => e.trim())) {
    const [address = "", prefix] = entry.split("/");
    const family = isIP(address);
    const bits = prefix === undefined ? (family === 6 ? 128 : 32) : Number(prefix);
    const badPrefix = prefix !== undefined && !/^\d{1,3}$/.test(prefix);
    if (!family || badPrefix || entry.split("/").length > 2 || bits > (family === 6 ? 128 : 32))
      throw new Error(`HEADLAND_TRUSTED_PROXIES: "${entry}" is neither a hop count nor an address or CIDR range`);
    list.addSubnet(address, bits, family === 6 ? "ipv6" : "ipv4");
  }
  return { kind: "cidrs", list, text };
}

/** An address as written in a socket or an X-Forwarded-For entry, without port or brackets; undefined if it is none. */
export function normalizeAddress(raw: string): string | undefined {
  let value = raw.trim().toLowerCase();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(value);
  if (bracketed) value = bracketed[1]!;
  else if (/^\d+\.\d+\.\d+\.\d+:\d+$/.test(value)) value = value.slice(0, value.lastIndexOf(":"));
  // A dual-stack socket reports IPv4 clients as ::ffff:a.b.c.d; one client, one spelling.
  value = value.replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/, "$1");
  return isIP(value) ? value : undefined;
}

const trustedBy = (list: BlockList, address: string | undefined) =>
  address !== undefined && list.check(address, isIP(address) === 6 ? "ipv6" : "ipv4");

/**
 * The client's address. The chain is X-Forwarded-For's entries followed by the socket peer, nearest last;
 * only the hops HEADLAND_TRUSTED_PROXIES names wrote their entries honestly, everything further left is
 * whatever the client wrote. Counted hops: the entry just before the last N (the socket peer is one). A
 * list: the nearest address that is not a trusted proxy. An entry that is no address counts as the hop
 * that passed it on, so a garbled header can neither share nor escape a bucket.
 */
export function clientAddress(
  socketAddress: string | undefined,
  forwardedFor: string | undefined,
  trusted: TrustedProxies,
): string {
  const peer = normalizeAddress(socketAddress ?? "") ?? "unknown";
  if (trusted.kind === "none") return peer;
  const entries = (forwardedFor ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  const chain = [...entries.map(normalizeAddress), peer];
  let index = chain.length - 1;
  if (trusted.kind === "hops") index = Math.max(0, chain.length - 1 - trusted.count);
  else while (index > 0 && trustedBy(trusted.list, chain[index])) index--;
  while (chain[index] === undefined) index++;
  return chain[index]!;
}

/** Widths of IPv6 groups, a dotted IPv4 tail being two. */
const groupWidth = (groups: string[]) => groups.reduce((n, g) => n + (g.includes(".") ? 2 : 1), 0);

/**
 * The bucket an address is rate limited under: an IPv4 address itself; for IPv6 its /64, since one
 * subscriber is handed a whole /64 and could otherwise take a fresh address, and a fresh limit, each try.
 */
export function addressBucket(address: string): string {
  if (isIP(address) !== 6) return address;
  const [head = "", tail] = address.split("%")[0]!.split("::");
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const groups =
    tail === undefined ? left : [...left, ...Array(8 - groupWidth(left) - groupWidth(right)).fill("0"), ...right];
  return `${groups
    .slice(0, 4)
    .map((g) => Number.parseInt(g, 16).toString(16))
    .join(":")}::/64`;
}
