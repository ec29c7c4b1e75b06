/**
 * Shape of the story evaluation set (see README.md beside this file). Every text was written for
 * hubwatch; the events, companies, people and places are invented.
 */
export interface Article {
  title: string;
  text: string;
}

/** One wire story and what was written around it. */
export interface WireStory {
  id: string;
  lang: 'en' | 'fr';
  /** The agency copy: headline and paragraphs, lead first. */
  title: string;
  paragraphs: string[];
  /** Another headline a newspaper might give the same copy. */
  altTitle: string;
  /** Another first paragraph a newspaper might write in place of the agency's lead. */
  newLead: string;
  /** The agency copy rewritten by a newspaper: same facts and order, reworded sentences. */
  rewrite: Article;
  /** Articles on the same event reported and written independently of the agency copy. */
  independent: Article[];
}
