// The handler map, typed from the contract: each domain provides its part, index.ts joins them.
import type { InvokeChannel, InvokeResponses, ParsedRequest } from '../../shared/ipc-contract';

export type DomainHandlers<C extends InvokeChannel> = {
  [K in C]: (request: ParsedRequest<K>) => Promise<InvokeResponses[K]>;
};

export type Handlers = DomainHandlers<InvokeChannel>;
