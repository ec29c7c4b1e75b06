// natural is imported by deep path only (its top-level entry loads a String subclass that slows
// string-heavy code 1.6-3x on Node 20); these are the shapes of the files used.
declare module 'natural/lib/natural/stemmers/porter_stemmer_fr.js' {
  const stemmer: { stem(word: string): string };
  export default stemmer;
}
