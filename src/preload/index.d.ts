import type { TagfitBridge } from '../shared/ipc-contract';

declare global {
  interface Window {
    tagfit: TagfitBridge;
  }
}
