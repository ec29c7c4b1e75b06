/** One mention to place in a story. */
export interface StoryCandidate {
  id: string;
  /** Near-duplicate signature from enrichment; null (an empty text) always starts its own story. */
  signature: string | null;
  /** ISO 8601; copies published too far from a story's origin start a new story. */
  publishedAt: string;
  /**
   * When the candidate is a share (a post linking an article): the mention id of the article it
   * shares (`mentionId` of the shared URL). A share joins that article's story as an amplifier,
   * whichever arrives first, and is never compared by text. Absent for anything else.
   */
  sharedId?: string;
}

/** A mention already in a story (replayed from the index at start). */
export interface StoryMember {
  id: string;
  /** Its story, or null when it started one (its own id is then the story's). */
  storyId: string | null;
  signature: string;
  publishedAt: string;
  /** When the member is a share: the mention id of the article it shares (see `StoryCandidate.sharedId`). */
  sharedId?: string;
}

/**
 * What spans sources for near-duplicate stories: in-process in embedded mode, Redis later.
 * The first-seen copy of a text is a story's origin and its id is the story id; later copies that
 * are close enough join it. A share joins the story of the article it shares: the article's story
 * when the article is known, else the story named by the article's id, which the article takes
 * when it arrives (its shares came first: it starts that story, copies then join it). Memory is
 * bounded: the oldest members are forgotten first. Every adapter passes the contract suite in
 * test/contract/story-memory.contract.ts.
 */
export interface StoryMemory {
  /** Story id of each candidate, in order; a candidate may join one earlier in the same batch. Idempotent. */
  assign(candidates: readonly StoryCandidate[]): Promise<string[]>;
  /** Teaches the memory mentions already indexed. */
  remember(members: readonly StoryMember[]): Promise<void>;
  close(): Promise<void>;
}
