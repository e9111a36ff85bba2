import "server-only";
import { setTimeout as sleep } from "node:timers/promises";
import { addressBucket } from "@/lib/http/client-address";
import { recordAttempt, refundAttempt } from "./rate-limit";

const windowMs = 15 * 60_000;
/** Failed tries per 15 minutes: from one address at one account, and from one address at all accounts. */
const perAccountAndAddress = 10;
const perAddress = 100;
/** Failures at one account from everywhere, before its sign-ins start to slow down. */
const freeAccountFailures = 10;
const maxDelayMs = 5_000;

/**
 * Guessing is slow, across instances. An account is never refused outright: a guesser elsewhere would
 * lock its owner out. Failures from everywhere slow every try at the account instead, up to 5 s, so a
 * guesser spread over many addresses gets few tries a minute while the owner, with the right password,
 * still gets in.
 */
export function signInDelayMs(accountFailures: number): number {
  return Math.min(maxDelayMs, Math.max(0, accountFailures - freeAccountFailures) * 100);
}

export function signInKeys(account: string, address: string) {
  const email = account.trim().toLowerCase();
  const from = addressBucket(address);
  return {
    accountAndAddress: `signin:account-address:${email}|${from}`,
    address: `signin:address:${from}`,
    account: `signin:account:${email}`,
  };
}

export type SignInKeys = ReturnType<typeof signInKeys>;

/**
 * Counts a try up front (a burst of parallel guesses cannot slip past) and waits out the account's
 * delay; false when this address has used up its tries.
 */
export async function throttleSignIn(keys: SignInKeys): Promise<boolean> {
  const [fromHere, fromAddress, atAccount] = await Promise.all(
    [keys.accountAndAddress, keys.address, keys.account].map(async (key) => (await recordAttempt(key, windowMs)).count),
  );
  if (fromHere! > perAccountAndAddress || fromAddress! > perAddress) return false;
  // Counted before the password is checked, so the wait says nothing about whether it was right.
  await sleep(signInDelayMs(atAccount! - 1));
  return true;
}

/** A successful sign-in is not a failure: whoever signs in often locks nobody out, a guesser does. */
export async function forgiveSignIn(keys: SignInKeys): Promise<void> {
  await Promise.all(Object.values(keys).map(refundAttempt));
}
