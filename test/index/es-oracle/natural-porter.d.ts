// The English Porter stemmer of natural, by deep path (see src/enrich/natural-modules.d.ts).
declare module 'natural/lib/natural/stemmers/porter_stemmer.js' {
  const stemmer: { stem(word: string): string };
  export default stemmer;
}
