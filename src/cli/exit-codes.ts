// The CLI's exit codes, a contract cron jobs and outside checks rely on.
/** Every tag was scored or excluded for a reason. */
export const EXIT_OK = 0;
/** Some tags failed (they are reported, the rest is still scored), the run stopped early, or reports were not written. */
export const EXIT_FAILED = 1;
/** Bad input or usage. */
export const EXIT_USAGE = 2;
/** `tagfit watch` ran and raised alerts (cron can mail them). */
export const EXIT_ALERTS = 3;
/** The OS keychain cannot be used (`tagfit key …`): say what is missing; TIKLIVE_KEY works without it. */
export const EXIT_KEYCHAIN = 4;
