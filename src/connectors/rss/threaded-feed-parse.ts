import { HubwatchError, ParseError } from '../../core/errors.js';
import { normaliseItems, type NormalisedItems, type NormaliseSource } from '../../core/normalise-items.js';
import { keepNormalised } from '../../core/normalised-ahead.js';
import type { ParsedFeed } from './parsed-feed.js';
import { parseFeedDocument } from './parse-feed.js';

/** A feed document to parse on another thread. */
export interface FeedParseTask {
  text: string;
  feedUrl: string;
  where: string;
  /** Also normalise the parsed items there, for this source at this time (ms since the epoch). */
  normalise?: { source: NormaliseSource; now: number };
}

/**
 * What comes back across the thread boundary: the parsed feed, or the error as plain fields
 * (structured cloning keeps an error's message but not its class, reason or retryability).
 */
export type FeedParseAnswer =
  | { ok: true; feed: ParsedFeed; normalised?: NormalisedItems }
  | { ok: false; error: { parseError: boolean; name: string; message: string; reason: string; retryable: boolean } };

/** On the parsing thread: `parseFeedDocument`, with its error made cloneable. */
export async function answerFeedParse(task: FeedParseTask): Promise<FeedParseAnswer> {
  try {
    const feed = await parseFeedDocument(task.text, { feedUrl: task.feedUrl, where: task.where });
    if (!task.normalise) return { ok: true, feed };
    return { ok: true, feed, normalised: normaliseItems(feed.items, task.normalise.source, new Date(task.normalise.now)) };
  } catch (error) {
    const hubwatch = error instanceof HubwatchError;
    return {
      ok: false,
      error: {
        parseError: error instanceof ParseError,
        name: error instanceof Error ? error.name : 'Error',
        message: error instanceof Error ? error.message : String(error),
        reason: hubwatch ? error.reason : 'parse-failed',
        retryable: hubwatch ? error.retryable : false,
      },
    };
  }
}

/**
 * On the calling thread: the parsed feed, or the thread's error thrown again as the same kind (a
 * `ParseError` stays one). Items the thread also normalised are recorded as such (`keepNormalised`),
 * for the poll that asked.
 */
export function feedFromAnswer(answer: FeedParseAnswer, task?: Pick<FeedParseTask, 'normalise'>): ParsedFeed {
  if (answer.ok) {
    if (answer.normalised && task?.normalise) keepNormalised(answer.feed.items, task.normalise.source, new Date(task.normalise.now), answer.normalised);
    return answer.feed;
  }
  const { parseError, name, message, reason, retryable } = answer.error;
  if (parseError) throw new ParseError(message, reason, undefined, retryable);
  const error = new Error(message);
  error.name = name;
  throw error;
}
