/**
 * How many sign-ins one invite link allows, like Leaf's Magic Link `maxUsage`: a phone and a computer,
 * and one to spare; staff choose up to 10. Shared by the server and the staff form.
 */
export const inviteUseLimits = { default: 3, min: 1, max: 10 } as const;
