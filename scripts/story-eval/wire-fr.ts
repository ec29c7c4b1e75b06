import type { WireStory } from './wire-story.js';

/** French wire stories, written for hubwatch (invented events). */
export const WIRE_FR: WireStory[] = [
  {
    id: 'fr-greve-aeroport',
    lang: 'fr',
    title: "Grève des contrôleurs aériens : la moitié des vols annulés à Valmont",
    paragraphs: [
      "VALMONT, 14 février (Agence Hexa) - La moitié des vols au départ et à l'arrivée de l'aéroport de Valmont ont été annulés jeudi en raison d'une grève des contrôleurs aériens, qui protestent contre un projet de réorganisation des horaires de travail, a indiqué la direction de l'aviation civile.",
      "Environ 240 vols sont concernés et quelque 30 000 passagers devraient être touchés au cours de la journée, selon les estimations de l'aéroport. Les compagnies ont prévenu leurs clients par SMS dès mercredi soir et proposé un report sans frais.",
      "« Nous ne pouvons pas accepter des cycles de travail qui mettent en danger la sécurité du trafic », a déclaré Julien Marchal, secrétaire général du syndicat majoritaire des contrôleurs, lors d'un point presse devant la tour de contrôle.",
      "Le ministère des transports a dénoncé une grève « disproportionnée » et rappelé que la réforme faisait l'objet d'une concertation depuis six mois. Une nouvelle réunion est prévue lundi.",
      "Le mouvement doit durer jusqu'à samedi matin. L'aéroport de Valmont a accueilli 9,4 millions de passagers l'an dernier, un record.",
    ],
    altTitle: "Valmont : 240 vols annulés, les contrôleurs aériens en grève",
    newLead: "Files d'attente aux guichets et tableaux d'affichage couverts de la mention « annulé » : jeudi matin, les voyageurs de l'aéroport de Valmont ont découvert l'ampleur de la grève.",
    rewrite: {
      title: "Valmont paralysé par la grève du contrôle aérien",
      text: "Un vol sur deux a été supprimé jeudi à Valmont, où les contrôleurs aériens ont cessé le travail pour s'opposer à la refonte de leurs horaires, selon l'aviation civile. Près de 240 vols et quelque 30 000 voyageurs sont touchés dans la journée ; prévenus par SMS dès la veille, les passagers peuvent reporter leur voyage gratuitement. Pour Julien Marchal, qui dirige le principal syndicat de la profession, les nouveaux cycles de travail menacent la sécurité du trafic. Le ministère juge au contraire la grève disproportionnée et souligne que la réforme est discutée depuis six mois ; les parties se retrouveront lundi. Le mouvement est prévu jusqu'à samedi matin dans un aéroport qui a reçu le chiffre record de 9,4 millions de passagers l'an passé.",
    },
    independent: [
      {
        title: "À l'aéroport de Valmont, une journée d'attente et de système D",
        text: "Assise sur sa valise près du comptoir d'enregistrement, Claire, 34 ans, devait partir à Lisbonne pour un mariage. « On m'a proposé un vol dimanche, mais le mariage, c'est samedi », soupire-t-elle. Autour d'elle, des familles cherchent un train, un covoiturage ou une voiture de location. Les loueurs du terminal affichaient complet avant midi. Un agent d'escale raconte avoir reçu le planning des vols maintenus à cinq heures du matin. Dans le hall des arrivées, peu de monde : la plupart des avions en provenance de l'étranger ont été détournés vers d'autres villes. Les commerçants de l'aérogare estiment avoir perdu les deux tiers de leur chiffre d'affaires de la journée.",
      },
      {
        title: "Contrôleurs aériens : pourquoi la réforme des horaires fâche",
        text: "Au cœur du conflit se trouve le découpage des journées de travail. Le projet de la direction prévoit des vacations plus longues l'été et plus courtes l'hiver, afin de suivre le trafic. Les syndicats estiment que des séances de plus de dix heures, même avec des pauses, augmentent la fatigue et le risque d'erreur. Plusieurs rapports européens ont étudié la question sans trancher. La direction fait valoir que d'autres pays appliquent déjà ce système. Les contrôleurs, peu nombreux et difficiles à remplacer, disposent d'un fort pouvoir de blocage, ce qui explique la fréquence des conflits dans ce métier.",
      },
    ],
  },
  {
    id: 'fr-rachat-lumio',
    lang: 'fr',
    title: "Le groupe Ardent rachète la start-up Lumio pour 480 millions d'euros",
    paragraphs: [
      "PARIS, 9 avril (Agence Hexa) - Le groupe industriel Ardent a annoncé mercredi le rachat de Lumio, une jeune entreprise lyonnaise spécialisée dans l'éclairage connecté des bâtiments, pour 480 millions d'euros, sa plus importante acquisition depuis dix ans.",
      "Fondée en 2017, Lumio emploie 320 personnes et a réalisé l'an dernier un chiffre d'affaires de 62 millions d'euros, en hausse de 45 %. Ses capteurs permettent de réduire jusqu'à 40 % la consommation d'électricité des bureaux, selon l'entreprise.",
      "« Cette opération nous donne trois ans d'avance sur la gestion intelligente de l'énergie », a déclaré Sophie Garnier, présidente d'Ardent, lors d'une conférence téléphonique avec des analystes.",
      "Les fondateurs de Lumio, Karim Benali et Léa Fontaine, resteront à la tête de la société, qui conservera son siège à Lyon. L'opération doit être finalisée d'ici l'été, sous réserve du feu vert des autorités de la concurrence.",
      "L'action Ardent a gagné 2,3 % à la Bourse de Paris dans la matinée.",
    ],
    altTitle: "Ardent s'offre Lumio, pépite lyonnaise de l'éclairage connecté",
    newLead: "C'est l'une des plus belles sorties de la French Tech cette année : la pépite lyonnaise Lumio passe sous le contrôle d'un grand groupe industriel.",
    rewrite: {
      title: "Ardent met la main sur Lumio",
      text: "Ardent va acquérir Lumio, start-up de Lyon qui conçoit de l'éclairage connecté pour les bâtiments, pour un montant de 480 millions d'euros, a indiqué mercredi le groupe, qui n'avait pas réalisé d'achat aussi important en dix ans. Créée en 2017, la société compte 320 salariés et a vu ses ventes progresser de 45 % l'an dernier, à 62 millions d'euros ; ses capteurs réduiraient de 40 % au plus la facture électrique des bureaux. Selon la présidente d'Ardent, Sophie Garnier, l'opération procure au groupe trois années d'avance dans la gestion de l'énergie. Karim Benali et Léa Fontaine, qui ont fondé Lumio, garderont la direction et le siège restera lyonnais. La transaction, soumise aux autorités de la concurrence, devrait aboutir avant l'été. Le titre Ardent prenait 2,3 % dans la matinée.",
    },
    independent: [
      {
        title: "Lumio, de l'incubateur au rachat : le parcours express d'une pépite",
        text: "En 2017, Karim Benali et Léa Fontaine installaient leurs premiers capteurs dans les couloirs de leur école d'ingénieurs, à Villeurbanne. Six ans plus tard, leurs boîtiers équipent des tours de bureaux à Paris, Milan et Montréal. Les deux fondateurs ont levé des fonds à trois reprises, notamment auprès d'un fonds régional, et ont longtemps refusé de vendre. « Nous voulions garder la main sur le produit », expliquait Léa Fontaine l'an dernier. Les salariés rencontrés mercredi au siège se disaient plutôt rassurés par la promesse de conserver l'équipe à Lyon, même si certains s'inquiètent de la culture d'un grand groupe.",
      },
    ],
  },
  {
    id: 'fr-crue-sarve',
    lang: 'fr',
    title: "Crue de la Sarve : 1 200 personnes évacuées, vigilance rouge maintenue",
    paragraphs: [
      "MONTREVEL, 22 janvier (Agence Hexa) - Quelque 1 200 habitants ont été évacués dans la nuit de dimanche à lundi dans la vallée de la Sarve, dont le niveau a dépassé de près de deux mètres la cote d'alerte après trois jours de pluies continues, a annoncé la préfecture.",
      "La vigilance rouge crues reste en vigueur lundi pour le département, où 45 communes sont touchées. Plus de 300 pompiers et militaires de la sécurité civile sont mobilisés ; une vingtaine de personnes ont été hélitreuillées depuis leur toit.",
      "« La décrue ne devrait pas s'amorcer avant mardi soir », a prévenu le préfet, Bernard Lemaire, appelant les habitants à ne pas prendre leur voiture et à ne pas s'approcher des berges.",
      "Environ 8 000 foyers étaient privés d'électricité lundi matin, selon le gestionnaire du réseau. Les écoles de quatorze communes resteront fermées jusqu'à nouvel ordre.",
      "La Sarve avait connu une crue comparable en 1994, qui avait fait deux morts. Aucune victime n'est à déplorer à ce stade.",
    ],
    altTitle: "Inondations : la vallée de la Sarve sous les eaux",
    newLead: "Des rues transformées en rivières et des habitants réfugiés à l'étage : la vallée de la Sarve a vécu une nuit d'angoisse de dimanche à lundi.",
    rewrite: {
      title: "La Sarve déborde, 1 200 évacuations",
      text: "Dans la vallée de la Sarve, 1 200 personnes ont dû quitter leur domicile pendant la nuit de dimanche à lundi, la rivière dépassant de presque deux mètres son seuil d'alerte au terme de trois jours de pluie ininterrompue, selon la préfecture. Le département, dont 45 communes sont sinistrées, demeure en vigilance rouge. Pompiers et sécurité civile ont engagé plus de 300 personnes et hélitreuillé une vingtaine d'habitants réfugiés sur leur toit. Le préfet Bernard Lemaire n'attend pas de décrue avant mardi soir et demande d'éviter la route et les abords de la rivière. Lundi matin, 8 000 foyers n'avaient plus de courant et les écoles de quatorze communes étaient fermées. Une crue semblable avait coûté la vie à deux personnes en 1994 ; aucune victime n'est signalée cette fois.",
    },
    independent: [
      {
        title: "À Montrevel, les sinistrés comptent les dégâts",
        text: "Bottes aux pieds, Martine Roux sort les chaises de sa cuisine une à une. L'eau est montée à un mètre dix dans sa maison du quartier des Tanneurs, au bord de la Sarve. « En 1994, on avait eu quarante centimètres. Là, tout est perdu », dit-elle. Dans la rue, des voisins entassent des matelas et des cartons détrempés devant les portes. La mairie a ouvert le gymnase pour accueillir les familles qui ne peuvent pas rentrer chez elles. Un artisan plombier raconte avoir reçu plus de cinquante appels depuis le matin. Les assureurs ont annoncé l'ouverture d'une cellule de crise et promettent des experts sur place dans la semaine.",
      },
      {
        title: "Inondations : la question de l'urbanisme en zone inondable relancée",
        text: "Chaque crue relance le même débat. Dans la vallée de la Sarve, plusieurs lotissements ont été construits dans les années 2000 sur d'anciennes prairies inondables, malgré les réserves des services de l'État. Des associations de riverains réclament depuis longtemps la révision du plan de prévention des risques. Les élus locaux rappellent de leur côté que le manque de terrains constructibles pousse les communes à s'étendre vers la rivière. Un hydrologue de l'université de Grenoble estime que l'imperméabilisation des sols accélère la montée des eaux et plaide pour la restauration de zones humides en amont.",
      },
    ],
  },
  {
    id: 'fr-resultats-corbel',
    lang: 'fr',
    title: "Maison Corbel : ventes en hausse de 8 %, portées par l'Asie",
    paragraphs: [
      "PARIS, 28 juillet (Agence Hexa) - Le groupe de luxe Maison Corbel a publié lundi un chiffre d'affaires semestriel de 3,2 milliards d'euros, en hausse de 8 % à taux de change constants, grâce au dynamisme de ses ventes en Asie et de la maroquinerie.",
      "Le résultat opérationnel courant progresse de 5 %, à 780 millions d'euros, soit une marge de 24,4 %, légèrement inférieure aux attentes des analystes, qui tablaient sur 25 %.",
      "Les ventes en Asie ont bondi de 14 %, tandis que l'Europe est restée stable et que l'Amérique du Nord a reculé de 2 %. La maroquinerie, premier métier du groupe, a crû de 11 %.",
      "« Nous restons prudents pour le second semestre, compte tenu des incertitudes économiques », a déclaré le directeur financier, Olivier Vasseur, tout en confirmant l'objectif d'une croissance annuelle comprise entre 6 et 8 %.",
      "Le groupe a par ailleurs annoncé l'ouverture de douze boutiques d'ici la fin de l'année, dont cinq en Chine. L'action Corbel a reculé de 1,5 % à la clôture.",
    ],
    altTitle: "Luxe : Corbel profite de l'appétit asiatique",
    newLead: "Le luxe ne connaît pas la crise, du moins en Asie : les clients chinois et coréens ont une nouvelle fois tiré les comptes de la maison parisienne.",
    rewrite: {
      title: "Corbel : 3,2 milliards de ventes au premier semestre",
      text: "Maison Corbel, acteur du luxe, a réalisé 3,2 milliards d'euros de ventes au premier semestre, soit 8 % de plus à changes constants, l'Asie et la maroquinerie ayant tiré l'activité, selon les chiffres publiés lundi. Le résultat opérationnel courant atteint 780 millions d'euros, en progression de 5 %, pour une marge de 24,4 %, un peu en deçà des 25 % espérés par le marché. L'Asie progresse de 14 %, l'Europe est stable et l'Amérique du Nord cède 2 % ; la maroquinerie, principale activité, avance de 11 %. Le directeur financier Olivier Vasseur se dit prudent pour la seconde moitié de l'année mais maintient une croissance annuelle de 6 à 8 %. Douze boutiques, dont cinq en Chine, ouvriront d'ici décembre. En Bourse, le titre a fini en baisse de 1,5 %.",
    },
    independent: [
      {
        title: "Dans les ateliers Corbel, la maroquinerie tourne à plein",
        text: "À l'atelier de Saint-Junien, les commandes n'ont jamais été aussi nombreuses. Les quelque 400 artisans fabriquent sacs et petite maroquinerie en deux équipes, et la direction recrute une cinquantaine d'apprentis par an. « Il faut trois ans pour former un bon maroquinier », explique la responsable du site. Le groupe a investi l'an dernier dans un second bâtiment pour augmenter les capacités. Les syndicats saluent les embauches mais réclament une revalorisation des salaires, jugeant que les bons résultats de la maison doivent profiter aux ateliers. Une négociation annuelle doit s'ouvrir en septembre.",
      },
      {
        title: "Le luxe européen face au ralentissement américain",
        text: "Les résultats publiés cette semaine par plusieurs maisons de luxe dessinent une même tendance : l'Asie compense le repli des clients américains. Les analystes d'une grande banque d'affaires relèvent que la clientèle aisée des États-Unis réduit ses achats après deux années exceptionnelles. En Europe, le tourisme soutient les boutiques parisiennes et milanaises. Pour le second semestre, les investisseurs surveilleront l'évolution des droits de douane et du dollar. Les valeurs du secteur ont perdu en moyenne 4 % en Bourse depuis le début de l'été, après une forte hausse au printemps.",
      },
    ],
  },
  {
    id: 'fr-proces-maire',
    lang: 'fr',
    title: "L'ancien maire de Saint-Aubrac condamné à deux ans de prison avec sursis",
    paragraphs: [
      "RODEZ, 17 octobre (Agence Hexa) - L'ancien maire de Saint-Aubrac, Gérard Pujol, a été condamné jeudi par le tribunal correctionnel de Rodez à deux ans de prison avec sursis et 50 000 euros d'amende pour favoritisme dans l'attribution de marchés publics.",
      "Le tribunal l'a également déclaré inéligible pendant cinq ans. Entre 2014 et 2019, la commune avait confié plus de 1,3 million d'euros de travaux à une entreprise dirigée par un proche de l'élu, sans mise en concurrence régulière.",
      "Le gérant de l'entreprise, Michel Fabre, a été condamné à dix-huit mois avec sursis. Le parquet avait requis trois ans, dont un ferme, contre l'ancien maire.",
      "« Mon client a toujours agi dans l'intérêt de sa commune ; nous allons faire appel », a réagi son avocat, Me Anne Castan, à la sortie de l'audience.",
      "Gérard Pujol, 68 ans, avait dirigé la commune de 2 400 habitants pendant dix-neuf ans avant d'être battu aux élections de 2020.",
    ],
    altTitle: "Favoritisme : prison avec sursis pour Gérard Pujol",
    newLead: "Dix-neuf ans à la tête de sa commune, puis le tribunal : l'ancien édile de Saint-Aubrac a entendu jeudi la décision des juges, le visage fermé.",
    rewrite: {
      title: "Saint-Aubrac : l'ex-maire condamné pour favoritisme",
      text: "Le tribunal correctionnel de Rodez a infligé jeudi à Gérard Pujol, ancien maire de Saint-Aubrac, deux ans d'emprisonnement assortis du sursis et une amende de 50 000 euros pour favoritisme dans des marchés publics, ainsi que cinq ans d'inéligibilité. De 2014 à 2019, plus de 1,3 million d'euros de chantiers communaux avaient été attribués sans véritable mise en concurrence à une société gérée par un de ses proches, Michel Fabre, lui-même condamné à dix-huit mois avec sursis. Le ministère public avait demandé trois ans dont un ferme. Son avocate, Me Anne Castan, assure qu'il a toujours servi sa commune et annonce un appel. Âgé de 68 ans, l'ancien élu a dirigé cette commune de 2 400 habitants durant dix-neuf ans, jusqu'à sa défaite de 2020.",
    },
    independent: [
      {
        title: "À Saint-Aubrac, le jugement ravive les divisions",
        text: "Sur la place de l'église, les avis sont partagés. « Il a fait beaucoup pour le village, la salle des fêtes, la route, l'école », défend un retraité attablé au café. D'autres habitants estiment que l'affaire a terni l'image de la commune et saluent une décision qui « rappelle que les règles s'appliquent à tout le monde ». L'actuelle maire, élue en 2020, n'a pas souhaité commenter le jugement mais rappelle avoir fait auditer l'ensemble des contrats passés. Le conseil municipal s'était constitué partie civile. Dans le village, beaucoup disent surtout vouloir tourner la page.",
      },
    ],
  },
  {
    id: 'fr-rappel-lait',
    lang: 'fr',
    title: "Rappel de lait infantile Nutrilia après la détection d'une bactérie",
    paragraphs: [
      "LILLE, 5 mars (Agence Hexa) - Le fabricant Nutrilia a lancé mardi le rappel de onze lots de lait infantile en poudre après la détection d'une bactérie, Cronobacter, lors d'un contrôle interne dans son usine du Nord, a annoncé la direction générale de l'alimentation.",
      "Les boîtes concernées, de 800 grammes, ont été vendues en pharmacie et en grande surface depuis le 10 janvier. Les numéros de lots sont consultables sur le site officiel des rappels de produits.",
      "Aucun cas de maladie n'a été signalé à ce stade, a précisé l'agence régionale de santé. Les parents sont invités à ne pas utiliser les produits et à les rapporter au point de vente, où ils seront remboursés.",
      "« Nous avons immédiatement arrêté la ligne de production concernée et renforcé nos contrôles », a indiqué Nutrilia dans un communiqué, en présentant ses excuses aux familles.",
      "La bactérie Cronobacter peut provoquer des infections graves chez les nourrissons de moins de deux mois. Environ 140 000 boîtes seraient concernées, selon une source proche du dossier.",
    ],
    altTitle: "Lait infantile : onze lots Nutrilia rappelés",
    newLead: "Les parents de nourrissons sont appelés à vérifier leurs boîtes de lait en poudre : un fabricant nordiste retire plusieurs lots de la vente.",
    rewrite: {
      title: "Nutrilia rappelle onze lots de lait pour bébé",
      text: "Onze lots de lait en poudre pour nourrissons de la marque Nutrilia font l'objet d'un rappel depuis mardi, une bactérie, Cronobacter, ayant été découverte lors d'un autocontrôle dans l'usine du fabricant, dans le Nord, selon la direction générale de l'alimentation. Il s'agit de boîtes de 800 grammes vendues depuis le 10 janvier en pharmacie et en supermarché, dont les numéros figurent sur le site public des rappels. L'agence régionale de santé ne recense aucun malade pour l'instant ; les familles doivent cesser d'utiliser ces produits et les rapporter au magasin pour être remboursées. Nutrilia dit avoir stoppé la ligne en cause, durci ses contrôles et s'excuse auprès des parents. Cette bactérie est dangereuse pour les bébés de moins de deux mois. Quelque 140 000 boîtes seraient visées.",
    },
    independent: [
      {
        title: "Lait infantile : les pharmaciens face à l'inquiétude des parents",
        text: "Depuis mardi soir, le téléphone ne cesse de sonner dans cette pharmacie du centre de Lille. Des parents veulent savoir si la boîte entamée à la maison fait partie des lots rappelés. « On vérifie le numéro avec eux, et on propose une autre marque adaptée à l'âge de l'enfant », explique la pharmacienne titulaire. Les pédiatres rappellent qu'il ne faut pas changer de lait sans avis médical pour les bébés allergiques ou prématurés. Une association de consommateurs demande que les rappels soient accompagnés d'un numéro d'appel gratuit et d'une information directe des acheteurs identifiés par leur carte de fidélité.",
      },
    ],
  },
];
