// Joins the domains' handler maps into one, refusing at start-up a channel two domains both answer (object spread
// would let the later one win in silence). The joined type is every part's together, so a channel no domain
// answers is still a compile error where the result is typed as Handlers.
type Joined<P> = (P[keyof P] extends infer U ? (U extends unknown ? (x: U) => void : never) : never) extends (
  x: infer I,
) => void
  ? I
  : never;

export function joinHandlers<P extends Record<string, object>>(parts: P): Joined<P> {
  const joined: Record<string, unknown> = {};
  const owner = new Map<string, string>();
  for (const [domain, handlers] of Object.entries(parts)) {
    for (const [channel, fn] of Object.entries(handlers)) {
      const first = owner.get(channel);
      if (first !== undefined)
        throw new Error(`IPC channel ${channel} has two handlers: in ${first} and in ${domain}.`);
      owner.set(channel, domain);
      joined[channel] = fn;
    }
  }
  return joined as Joined<P>;
}
