// One row of a calibration table: a column name to its figure. Its own module so the measurements and the entry
// that joins them both import it, and neither imports the other's.
export type CalibrationRow = Record<string, string | number>;
