// The engine's decimal rounding lives in shared/decimal.ts, so the app and the reports format numbers with the
// same rounding as the engine scores them; the engine's imports stay as they were.
export { formatFixed, formatTruncated, roundHalfEven } from '../../shared/decimal';
