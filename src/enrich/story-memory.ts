/** One mention to place in a story. */
export interface StoryCandidate {
  id: string;
  signature: string | null;
  publishedAt: string;
}

/** A mention already in a story (replayed from the index at start). */
export interface StoryMember {
  id: string;
  storyId: string | null;
  signature: string;
  publishedAt: string;
}

/** What spans sources for near-duplicate stories: in-process in embedded mode, Redis later. */
export interface StoryMemory {
  /** Story id of each candidate, in order; a candidate may join one earlier in the same batch. Idempotent. */
  assign(candidates: readonly StoryCandidate[]): Promise<string[]>;
  /** Teaches the memory mentions already indexed. */
  remember(members: readonly StoryMember[]): Promise<void>;
  close(): Promise<void>;
}
