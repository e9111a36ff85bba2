import { describe, expect, it } from "vitest";
import { addressBucket, clientAddress, normalizeAddress, parseTrustedProxies } from "./client-address";

const direct = parseTrustedProxies(undefined);

describe("client address, reached directly (HEADLAND_TRUSTED_PROXIES unset)", () => {
  it("is the socket peer, whatever the client writes in X-Forwarded-For", () => {
    expect(clientAddress("198.51.100.7", undefined, direct)).toBe("198.51.100.7");
    for (const forged of ["203.0.113.9", "1.1.1.1, 203.0.113.9", "198.51.100.8", "garbage"])
      expect(clientAddress("198.51.100.7", forged, direct)).toBe("198.51.100.7");
  });

  it("spells an IPv4 client on a dual-stack socket as IPv4", () => {
    expect(clientAddress("::ffff:127.0.0.1", undefined, direct)).toBe("127.0.0.1");
  });

  it("is 'unknown' when the socket is already gone", () => {
    expect(clientAddress(undefined, "203.0.113.9", direct)).toBe("unknown");
  });

  it("treats 0 as no proxy", () => {
    expect(clientAddress("10.0.0.2", "203.0.113.9", parseTrustedProxies("0"))).toBe("10.0.0.2");
  });
});

describe("client address behind counted proxy hops", () => {
  it("one hop: the entry the proxy appended, not the ones the client wrote before it", () => {
    const oneHop = parseTrustedProxies("1");
    expect(clientAddress("10.0.0.2", "198.51.100.7", oneHop)).toBe("198.51.100.7");
    expect(clientAddress("10.0.0.2", "203.0.113.1, 203.0.113.2, 198.51.100.7", oneHop)).toBe("198.51.100.7");
  });

  it("two hops: the second entry from the right, so staff behind a CDN and a load balancer are told apart", () => {
    const twoHops = parseTrustedProxies("2");
    expect(clientAddress("10.0.0.2", "forged, 198.51.100.7, 10.0.0.9", twoHops)).toBe("198.51.100.7");
    expect(clientAddress("10.0.0.2", "forged, 198.51.100.8, 10.0.0.9", twoHops)).toBe("198.51.100.8");
  });

  it("a request that skipped a proxy falls back to the furthest entry there is", () => {
    expect(clientAddress("10.0.0.2", undefined, parseTrustedProxies("1"))).toBe("10.0.0.2");
    expect(clientAddress("10.0.0.2", "198.51.100.7", parseTrustedProxies("3"))).toBe("198.51.100.7");
  });

  it("an entry that is no address counts as the hop that passed it on", () => {
    expect(clientAddress("10.0.0.2", "nonsense", parseTrustedProxies("1"))).toBe("10.0.0.2");
  });
});

describe("client address behind listed proxies (CIDRs)", () => {
  const proxies = parseTrustedProxies("10.0.0.0/8, 2001:db8:ffff::/48, 192.0.2.10");

  it("walks from the right past trusted proxies to the first address that is not one", () => {
    expect(clientAddress("10.0.0.2", "203.0.113.1, 198.51.100.7, 10.1.2.3", proxies)).toBe("198.51.100.7");
    expect(clientAddress("::ffff:10.0.0.2", "198.51.100.7, 192.0.2.10", proxies)).toBe("198.51.100.7");
    expect(clientAddress("2001:db8:ffff::1", "[2001:db8:1::5]:443", proxies)).toBe("2001:db8:1::5");
  });

  it("believes no X-Forwarded-For from a peer outside the list", () => {
    expect(clientAddress("198.51.100.7", "203.0.113.1", proxies)).toBe("198.51.100.7");
  });

  it("strips ports from entries", () => {
    expect(clientAddress("10.0.0.2", "198.51.100.7:51234", proxies)).toBe("198.51.100.7");
  });

  it("when every hop is a proxy, the furthest one", () => {
    expect(clientAddress("10.0.0.2", "10.9.9.9", proxies)).toBe("10.9.9.9");
  });
});

describe("HEADLAND_TRUSTED_PROXIES parsing", () => {
  it.each(["yes", "10.0.0.0/33", "10.0.0.0/", "10.0.0.0/8/8", "::1/129", "11", "10.0.0.0/8, nope"])(
    "refuses %j, naming the variable",
    (value) => expect(() => parseTrustedProxies(value)).toThrow(/HEADLAND_TRUSTED_PROXIES/),
  );
});

describe("address normalization and buckets", () => {
  it.each([
    ["198.51.100.7", "198.51.100.7"],
    [" 198.51.100.7:80 ", "198.51.100.7"],
    ["[2001:DB8::1]:443", "2001:db8::1"],
    ["::ffff:198.51.100.7", "198.51.100.7"],
    ["unknown", undefined],
    ["", undefined],
  ])("%j is %j", (raw, expected) => expect(normalizeAddress(raw)).toBe(expected));

  it("an IPv4 client has a bucket of its own", () => {
    expect(addressBucket("198.51.100.7")).toBe("198.51.100.7");
  });

  it("every IPv6 address in one /64 shares a bucket; the next /64 does not", () => {
    expect(addressBucket("2001:db8:1:2::1")).toBe("2001:db8:1:2::/64");
    expect(addressBucket("2001:db8:1:2:ffff:ffff:ffff:ffff")).toBe("2001:db8:1:2::/64");
    expect(addressBucket("2001:0db8:0001:0002:0:0:0:9")).toBe("2001:db8:1:2::/64");
    expect(addressBucket("2001:db8:1:3::1")).toBe("2001:db8:1:3::/64");
    expect(addressBucket("::1")).toBe("0:0:0:0::/64");
    expect(addressBucket("2001:db8::1.2.3.4")).toBe("2001:db8:0:0::/64");
  });
});
