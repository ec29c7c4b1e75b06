/** Function words left out of key terms (English and French): frequent everywhere, key nowhere. */
export const STOPWORDS: ReadonlySet<string> = new Set(
  (
    'the and for are but not you all any can had her was one our out has have him his how its may new now old see two way who did get let put say she too use ' +
    'that this with from they will would there their what about which when make like time just know take into year your good some could them than then look only ' +
    'come over think also back after work first well even want because these give most been were said says more such very other being where while before ' +
    'through during between against under again further once here both each few own same should does doing having until off above below down those itself ' +
    'les des une pour dans sur avec par pas plus est sont ont aux ces cette ses leur leurs qui que quoi dont mais ou donc car elle elles ils nous vous lui ' +
    'son sa mes tes nos vos été être avoir fait faire comme tout tous toute toutes très aussi encore entre depuis sans sous chez vers selon après avant ' +
    'déjà alors ainsi même autres autre peut peu bien où quand deux trois était sera sont cet une dès lors afin jusqu aujourd hui'
  ).split(/\s+/),
);
