/** Fictional Mastodon accounts; `acct` has an `@domain` for accounts on other instances. */
export interface SampleAccount {
  username: string;
  domain: string | null;
  display_name: string;
  followers_count: number;
  lang: 'en' | 'fr';
}

export const ACCOUNTS: SampleAccount[] = [
  { username: 'railfan_bos', domain: null, display_name: 'Railfan Boston 🚆', followers_count: 1840, lang: 'en' },
  { username: 'commutercat', domain: 'social.example', display_name: 'Commuter Cat', followers_count: 312, lang: 'en' },
  { username: 'dana', domain: 'journa.example', display_name: 'Dana W. (Transit Wire)', followers_count: 15200, lang: 'en' },
  { username: 'nyc_rider', domain: null, display_name: 'NYC rider', followers_count: 97, lang: 'en' },
  { username: 'greenmiles', domain: 'eco.example', display_name: 'Green Miles', followers_count: 4210, lang: 'en' },
  { username: 'philly_phil', domain: null, display_name: 'Phil from Philly', followers_count: 58, lang: 'en' },
  { username: 'corridorriders', domain: 'org.example', display_name: 'Corridor Riders Association', followers_count: 8900, lang: 'en' },
  { username: 'anna_k', domain: null, display_name: 'Anna K', followers_count: 230, lang: 'en' },
  { username: 'lyon_velo', domain: 'piaille.example', display_name: 'Lyon à vélo', followers_count: 2750, lang: 'fr' },
  { username: 'usager_ter', domain: null, display_name: 'Usager TER en colère', followers_count: 640, lang: 'fr' },
  { username: 'marie_b', domain: 'mamot.example', display_name: 'Marie B.', followers_count: 120, lang: 'fr' },
  { username: 'fnav', domain: 'org.example', display_name: 'Fédération des voyageurs', followers_count: 11300, lang: 'fr' },
  { username: 'thomas_rail', domain: null, display_name: 'Thomas – passionné de rail', followers_count: 870, lang: 'fr' },
  { username: 'claire_lit', domain: 'piaille.example', display_name: 'Claire lit dans le train', followers_count: 45, lang: 'fr' },
  { username: 'bzh_navetteur', domain: null, display_name: 'Navetteur breton', followers_count: 310, lang: 'fr' },
  { username: 'ecolo_gare', domain: 'eco.example', display_name: 'Écolo de gare 🌱', followers_count: 1990, lang: 'fr' },
];
