/**
 * The time zone of calendar days where no facility names its own `timezone`: the default of the
 * API's APP_TIMEZONE (README "Configuration") and of a new facility.
 */
export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';
