/**
 * A message waits this long before it is emailed about: whoever is in the app reads it there
 * first (and the notice is skipped), and a quick back-and-forth becomes one email, not five.
 */
export const NOTICE_DELAY_MINUTES = 10;

/**
 * Writing is limited per person: 20 messages in 10 minutes is more than anyone types, and
 * stops a script or a stuck key from flooding a family's or a tutor's inbox.
 */
export const WRITE_LIMIT = { max: 20, windowSeconds: 10 * 60 };
