/** The clock is passed in, never reached for, so tests can move time. */
export type Clock = () => Date;
export const systemClock: Clock = () => new Date();
