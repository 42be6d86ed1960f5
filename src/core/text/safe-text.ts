// The "make inert" step lives in src/shared/safe-text.ts so the renderer can use it; core's importers keep this path.
export * from '../../shared/safe-text';
