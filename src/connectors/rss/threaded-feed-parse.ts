import { HubwatchError, ParseError } from '../../core/errors.js';
import type { ParsedFeed } from './parsed-feed.js';
import { parseFeedDocument } from './parse-feed.js';

/** A feed document to parse on another thread. */
export interface FeedParseTask {
  text: string;
  feedUrl: string;
  where: string;
}

/**
 * What comes back across the thread boundary: the parsed feed, or the error as plain fields
 * (structured cloning keeps an error's message but not its class, reason or retryability).
 */
export type FeedParseAnswer =
  | { ok: true; feed: ParsedFeed }
  | { ok: false; error: { parseError: boolean; name: string; message: string; reason: string; retryable: boolean } };

/** On the parsing thread: `parseFeedDocument`, with its error made cloneable. */
export async function answerFeedParse(task: FeedParseTask): Promise<FeedParseAnswer> {
  try {
    return { ok: true, feed: await parseFeedDocument(task.text, { feedUrl: task.feedUrl, where: task.where }) };
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

/** On the calling thread: the parsed feed, or the thread's error thrown again as the same kind (a `ParseError` stays one). */
export function feedFromAnswer(answer: FeedParseAnswer): ParsedFeed {
  if (answer.ok) return answer.feed;
  const { parseError, name, message, reason, retryable } = answer.error;
  if (parseError) throw new ParseError(message, reason, undefined, retryable);
  const error = new Error(message);
  error.name = name;
  throw error;
}
