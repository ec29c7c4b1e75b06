import type { WireStory } from './wire-story.js';

/** English wire stories, written for hubwatch (invented events). */
export const WIRE_EN: WireStory[] = [
  {
    id: 'en-port-strike',
    lang: 'en',
    title: 'Harwick dockworkers walk out over automation plan, halting container traffic',
    paragraphs: [
      'HARWICK, March 3 (Wireline) - Dockworkers at the port of Harwick began an open-ended strike on Tuesday, halting container traffic at the country\'s second-busiest harbour after talks with terminal operator Castellan Ports broke down over plans to automate three of its cranes.',
      'The Harbour Workers Union said about 1,800 of its members had joined the walkout, and pickets gathered at the main gates from 6 a.m. Union secretary Moira Blake said the company wanted to replace skilled crane drivers with remote operators "without a single guarantee on jobs".',
      'Castellan Ports said the automation project would not lead to compulsory redundancies and that it had offered retraining to every crane driver affected. A spokesman said the company regretted the strike and remained ready to return to the table.',
      'Twelve container ships were waiting at anchor outside the harbour on Tuesday afternoon, according to port authority data, and two shipping lines said they would divert vessels to Norcastle. Freight forwarders warned of delays for retailers restocking before the spring season.',
      'The port handled 4.2 million containers last year. A previous strike in 2023 lasted nine days and cost the regional economy an estimated 60 million pounds, according to the chamber of commerce.',
      'The transport ministry said it was following the dispute closely and urged both sides to accept mediation.',
    ],
    altTitle: 'Strike shuts Harwick port as crane automation talks collapse',
    newLead: 'Ships queued outside Harwick on Tuesday as a strike by crane drivers and dockers brought the port to a standstill, the latest clash over automation in the shipping industry.',
    rewrite: {
      title: 'Port of Harwick at a standstill as dockers strike',
      text: 'Container traffic stopped at Harwick on Tuesday when dockworkers started a strike with no end date, after negotiations with Castellan Ports, which runs the terminal, failed over the automation of three cranes. Around 1,800 members of the Harbour Workers Union stopped work, according to the union, whose secretary Moira Blake accused the operator of trying to swap experienced crane drivers for remote operators with no promise on jobs. Castellan replied that nobody would be made redundant and that all affected drivers had been offered training, adding that it was sorry about the strike and open to more talks. By the afternoon a dozen ships were anchored off the port and two lines planned to send ships to Norcastle instead. Harwick moved 4.2 million containers last year; a nine-day strike in 2023 cost the region about 60 million pounds. The ministry called for mediation.',
    },
    independent: [
      {
        title: 'On the Harwick picket line: "We are not against machines, we are against losing our jobs"',
        text: 'At the north gate of Harwick port, a brazier was burning by seven o\'clock on Tuesday morning and the queue of lorries stretched back towards the ring road. Tom Feeney, who has driven cranes at the container terminal for nineteen years, said the men around him were not opposed to technology. "We are not against machines, we are against losing our jobs," he said. The strike called by the Harbour Workers Union follows months of talks with Castellan Ports about remotely operated cranes. Several drivers said they had been offered a training course but no written promise about their positions. Hauliers waiting at the gate said they expected to be sent home by midday. A Castellan manager who declined to be named said the company had been surprised by the speed of the walkout.',
      },
      {
        title: 'Harwick strike: what it means for shoppers and shippers',
        text: 'The walkout at Harwick comes at an awkward moment for importers. Retail chains usually bring in garden furniture, clothing and electronics for the spring in March, and analysts at Merrow Freight estimate that a week of disruption could delay around 150,000 containers. Shipping lines can divert ships to Norcastle, but that port is already working close to capacity and road links from there to the Midlands are slower. Insurers said that most cargo contracts did not cover delays caused by industrial action. Economists were divided on the wider impact: one said the effect on prices would be small unless the dispute lasted more than two weeks, while another warned that fresh produce importers could face losses within days.',
      },
    ],
  },
  {
    id: 'en-rate-decision',
    lang: 'en',
    title: 'Bank of Norland holds rates at 4.25% but signals cut as inflation cools',
    paragraphs: [
      'ESKER, May 14 (Wireline) - The Bank of Norland kept its main interest rate unchanged at 4.25 percent on Wednesday for a fourth meeting in a row, but governor Elin Vasstrand said a cut could come as early as June if inflation kept falling.',
      'Consumer prices rose 2.6 percent in April from a year earlier, down from 3.1 percent in March and the lowest rate in almost three years, the statistics office said on Tuesday. The bank\'s target is 2 percent.',
      '"The fight against inflation is not over, but we are clearly on the right path," Vasstrand told a news conference. She said wage growth remained strong and that the board wanted to see more data before moving.',
      'Five of the seven board members voted to hold rates, while two voted for a quarter-point cut, the minutes showed. Economists polled by Wireline had expected the bank to hold.',
      'The Norland crown weakened 0.4 percent against the euro after the decision, and the yield on two-year government bonds fell 9 basis points to 3.62 percent. Bank shares were little changed.',
      'The bank also lowered its growth forecast for this year to 0.9 percent from 1.2 percent, citing weaker exports to its main trading partners.',
    ],
    altTitle: 'Norland central bank stands pat, opens door to June cut',
    newLead: 'Borrowers in Norland will have to wait at least another month for relief after the central bank left rates where they were on Wednesday, though its governor hinted strongly that the wait would not be long.',
    rewrite: {
      title: 'Rates on hold in Norland, cut in sight',
      text: 'For the fourth meeting running, the Bank of Norland left its key rate at 4.25 percent on Wednesday, while its governor Elin Vasstrand said rates might be lowered in June should inflation continue to ease. Annual inflation slowed to 2.6 percent in April from 3.1 percent a month before, its weakest in nearly three years, against a target of 2 percent. According to Vasstrand the battle against inflation has not been won but the country is on the right track; she pointed to robust pay growth as a reason to wait for more figures. The minutes show a 5-2 vote, with two members wanting a quarter-point reduction. The crown lost 0.4 percent against the euro and two-year yields dropped 9 basis points to 3.62 percent. Growth this year is now seen at 0.9 percent rather than 1.2 percent, on weaker exports.',
    },
    independent: [
      {
        title: 'Analysis: Vasstrand\'s balancing act gets harder',
        text: 'Elin Vasstrand has spent two years telling Norlanders that high rates were the price of bringing prices under control. With inflation now at 2.6 percent and the economy barely growing, the governor faces a different problem: cutting too late. Business groups have complained for months that borrowing costs are choking investment, and construction starts fell by a fifth last year. Yet the labour market remains tight, and unions are negotiating wage rises of 5 percent or more in several industries. Former board member Anders Lunde said he expected the bank to move in June and again in September. "They have given themselves room, but the data will have to cooperate," he said. Markets now price a cut of a quarter point at the next meeting.',
      },
      {
        title: 'Homeowners in Norland weigh fixed or floating mortgages',
        text: 'Mortgage brokers in Esker reported a jump in calls after the central bank decision on Wednesday, as homeowners coming to the end of fixed deals asked whether to lock in again or wait for cheaper money. Lenders have already trimmed some fixed rates in anticipation of cuts, and the average five-year deal now costs about 4.9 percent, according to the brokers\' association. Advisers said households with little room in their budgets should not gamble on the timing of rate cuts. Sales of homes rose slightly in April, estate agents said, the first increase in more than a year, while prices were flat.',
      },
    ],
  },
  {
    id: 'en-drug-recall',
    lang: 'en',
    title: 'Veltrane recalls blood pressure tablets after impurity found',
    paragraphs: [
      'LONDON, June 2 (Wireline) - Drugmaker Veltrane Labs is recalling 38 batches of its blood pressure medicine Cardoril after tests found traces of an impurity that could increase the risk of cancer with long-term use, the medicines regulator said on Monday.',
      'The recall covers 20 mg and 40 mg tablets distributed to pharmacies between October and April. The regulator said patients should not stop taking their medicine without speaking to a doctor or pharmacist, as the risk from stopping treatment suddenly was greater than the risk from the impurity.',
      'About 210,000 patients are estimated to be taking the affected tablets. The impurity, a nitrosamine, was detected during routine testing at a supplier\'s factory, Veltrane said, adding that it had stopped using the supplier.',
      '"Patient safety is our first priority and we are working with pharmacies to replace the affected packs as quickly as possible," chief medical officer Dr Rana Okafor said in a statement.',
      'Veltrane shares fell 3.8 percent in London. The company said it did not expect the recall to have a material effect on its annual results. Similar impurities led to recalls of several blood pressure drugs across Europe in 2018 and 2019.',
    ],
    altTitle: 'Blood pressure drug Cardoril pulled from pharmacies over impurity',
    newLead: 'Patients taking the blood pressure drug Cardoril were told on Monday to check their packs, after its maker pulled dozens of batches from pharmacies.',
    rewrite: {
      title: 'Veltrane pulls 38 batches of Cardoril',
      text: 'Veltrane Labs has begun recalling 38 batches of Cardoril, its treatment for high blood pressure, because testing revealed traces of an impurity that may raise the cancer risk if taken for many years, the regulator announced on Monday. The 20 mg and 40 mg tablets concerned were sent to pharmacies from October to April. Patients were urged to keep taking their tablets until they have talked to a doctor or pharmacist, since abruptly stopping is more dangerous than the impurity. Roughly 210,000 people take the affected tablets. The nitrosamine was found in routine tests at a supplier, which Veltrane has dropped. Its chief medical officer Dr Rana Okafor said safety came first and that packs would be swapped quickly. The shares lost 3.8 percent; the company does not expect a material impact on its results.',
    },
    independent: [
      {
        title: 'Pharmacists brace for questions after Cardoril recall',
        text: 'Community pharmacists said on Monday they were expecting a busy week after the recall of Cardoril tablets, one of the most prescribed blood pressure drugs in the country. Sunita Rao, who runs two pharmacies in Leicester, said her staff had already taken dozens of calls by lunchtime. "People are frightened when they hear the word cancer, and the first thing we tell them is not to stop their tablets," she said. The pharmacists\' federation said alternative brands were in stock but warned of local shortages of the 40 mg dose. Doctors\' groups asked for clearer guidance on whether patients needed blood tests. The recall is the third involving a nitrosamine impurity in five years.',
      },
    ],
  },
  {
    id: 'en-wildfire',
    lang: 'en',
    title: 'Thousands evacuated as wildfire spreads in Cedar Valley',
    paragraphs: [
      'CEDAR VALLEY, Aug 11 (Wireline) - More than 6,000 residents were ordered to leave their homes on Sunday as a wildfire fanned by strong winds spread across the hills above Cedar Valley, destroying at least 40 buildings, fire officials said.',
      'The fire, which began on Saturday afternoon near a picnic area on Route 9, had burned about 3,400 hectares by Sunday evening and was 10 percent contained. Around 900 firefighters, supported by eight water-bombing aircraft, were battling the flames.',
      '"The wind changed direction twice overnight and the fire jumped the ridge line," incident commander Luis Ortega told reporters. He said crews were focusing on protecting the towns of Pine Hollow and Redstone.',
      'No deaths have been reported. Two firefighters were treated in hospital for heat exhaustion. Evacuation centres were opened at schools in Redstone and at the county fairground.',
      'The cause of the fire is under investigation. The region has had almost no rain since May, and temperatures reached 39 degrees Celsius on Saturday. Forecasters expect the wind to ease on Tuesday.',
    ],
    altTitle: 'Cedar Valley wildfire forces 6,000 from homes',
    newLead: 'Residents of Pine Hollow packed their cars in a hurry on Sunday as smoke turned the sky orange and a fast-moving fire came over the hills towards the town.',
    rewrite: {
      title: 'Fire in Cedar Valley: over 6,000 evacuated',
      text: 'Fire officials told more than 6,000 people to leave on Sunday as a wind-driven wildfire moved across the hills overlooking Cedar Valley, where at least 40 buildings have been destroyed. Since it started near a picnic spot on Route 9 on Saturday afternoon, the blaze has burned some 3,400 hectares and was only 10 percent contained by Sunday evening, with 900 firefighters and eight aircraft deployed. Incident commander Luis Ortega said the wind had turned twice during the night and pushed the fire over the ridge, and that crews were defending Pine Hollow and Redstone. Nobody has died; two firefighters needed hospital care for heat exhaustion. Schools in Redstone and the county fairground are being used as shelters. Investigators are looking for the cause after a dry summer and 39 degrees on Saturday.',
    },
    independent: [
      {
        title: 'Pine Hollow residents wait for news of their homes',
        text: 'At the county fairground on Sunday night, families sat on camp beds and checked their phones for pictures from neighbours who had stayed behind. Maria and Dan Whitlock left Pine Hollow with two dogs, a box of photographs and the clothes they were wearing. "We saw flames on the ridge and twenty minutes later the deputies were knocking on the door," Maria said. Volunteers handed out water and sandwiches, and a vet set up a corner for pets. Many residents said they had not expected the fire to reach the valley so quickly. The county said it would organise escorted visits as soon as the roads were safe.',
      },
      {
        title: 'Dry summer leaves western hills primed for fire, scientists say',
        text: 'Months without rain and a series of heatwaves have left vegetation in the western hills extremely dry, researchers at the state forestry institute said, warning that the Cedar Valley fire was unlikely to be the last this season. Soil moisture in August is at its lowest level since records began in 1981, according to the institute, and grasses that grew quickly after a wet winter have become fuel. The researchers called for more controlled burning in spring and for limits on building in high-risk areas, a proposal that has met resistance from local councils.',
      },
    ],
  },
  {
    id: 'en-acquisition',
    lang: 'en',
    title: 'Brightloop to buy design software maker Quillon for $2.1 billion',
    paragraphs: [
      'SAN FRANCISCO, Sept 23 (Wireline) - Brightloop agreed to buy design software company Quillon for about $2.1 billion in cash, the companies said on Monday, as the collaboration tools maker seeks to add drawing and prototyping features to its products.',
      'Brightloop will pay $34 per share, a premium of 27 percent to Quillon\'s closing price on Friday. The boards of both companies have approved the deal, which is expected to close in the first quarter of next year, subject to regulatory approval.',
      'Quillon, founded in 2014, has about 4 million users and reported revenue of $310 million last year. Its chief executive, Hana Sato, will join Brightloop\'s leadership team.',
      '"Designers and product teams have told us for years that they want to work in one place," Brightloop chief executive Marcus Reid said on a call with analysts. He said the combined company would keep Quillon\'s brand.',
      'Quillon shares jumped 24 percent to $33.10 in premarket trading, while Brightloop shares slipped 2 percent. It is Brightloop\'s largest acquisition.',
    ],
    altTitle: 'Brightloop bets $2.1 billion on Quillon design tools',
    newLead: 'Brightloop made the biggest bet in its history on Monday, agreeing a cash deal for the design software company whose tools are used by millions of product teams.',
    rewrite: {
      title: 'Brightloop buying Quillon in $2.1bn deal',
      text: 'Collaboration software maker Brightloop has agreed to acquire Quillon, which makes design software, for roughly $2.1 billion in cash, the two companies announced on Monday, in a move to bring drawing and prototyping into Brightloop\'s products. The offer of $34 a share is 27 percent above Quillon\'s Friday close. Both boards back the deal, due to be completed in the first quarter of next year if regulators agree. Quillon, set up in 2014, counts some 4 million users and had $310 million in revenue last year; its boss Hana Sato is joining Brightloop\'s leadership. Chief executive Marcus Reid told analysts that designers want to work in a single place and that Quillon would keep its name. Quillon stock rose 24 percent before the open and Brightloop fell 2 percent. This is the largest purchase Brightloop has made.',
    },
    independent: [
      {
        title: 'Why Quillon users are nervous about the Brightloop deal',
        text: 'On design forums, the reaction to Monday\'s announcement was mixed. Many Quillon users said they liked the app precisely because it was small and focused, and worried that a larger owner would raise prices or bundle it into a subscription they did not need. "Every tool I loved got worse after it was bought," wrote one freelance illustrator. Others were more hopeful, pointing to Brightloop\'s record of keeping the products it acquired running. Industry analysts noted that the deal puts Brightloop in direct competition with the largest design software suites, and that competition regulators in Europe have recently taken a closer look at software takeovers.',
      },
      {
        title: 'Hana Sato, the engineer who built Quillon',
        text: 'Hana Sato started Quillon in a shared office in Oakland in 2014 with two former colleagues and a loan from her parents. The first version was a simple sketching app for tablets; within three years it had become a tool used by design teams at large companies. Sato, who studied mechanical engineering, has said she never planned to sell. In an interview last year she described the company as "a studio that happens to write software". Employees say she still reviews every major feature herself. After the sale she will keep running the product and join the buyer\'s leadership team.',
      },
    ],
  },
  {
    id: 'en-derailment',
    lang: 'en',
    title: 'Freight train derails near Millbrook, line closed for days',
    paragraphs: [
      'MILLBROOK, Nov 5 (Wireline) - A freight train carrying timber and steel coils derailed near Millbrook early on Wednesday, blocking the main line between Ashford and the coast, which is expected to stay closed until at least Saturday, rail operator Northway said.',
      'Fourteen of the train\'s 32 wagons left the tracks shortly after 3 a.m. on a bend about two kilometres south of Millbrook station. The driver was not hurt and no dangerous goods were on board, police said.',
      'Passenger services between Ashford and Port Elling were replaced by buses, adding up to 90 minutes to journeys. About 25,000 passengers use the line on a normal weekday.',
      '"Recovering the wagons and rebuilding the damaged track will take several days, and we apologise to passengers for the disruption," Northway operations director Paul Dennison said.',
      'The rail accident investigation branch has sent inspectors to the site. Local residents said the track had been repaired on the same bend last winter after heavy rain.',
    ],
    altTitle: 'Millbrook derailment shuts coast line until weekend',
    newLead: 'Commuters between Ashford and the coast faced long bus journeys on Wednesday after wagons of a night freight train came off the rails south of Millbrook.',
    rewrite: {
      title: 'Derailment closes Ashford line',
      text: 'A night freight train loaded with timber and coils of steel came off the rails close to Millbrook on Wednesday morning and the line linking Ashford with the coast will remain shut until Saturday at the earliest, according to Northway. Fourteen out of 32 wagons derailed just after 3 a.m. on a curve some two kilometres south of the station; police said the driver was unhurt and the train carried no hazardous cargo. Buses are replacing trains between Ashford and Port Elling, with journeys up to an hour and a half longer for the 25,000 people who normally travel on a weekday. Operations director Paul Dennison apologised and said lifting the wagons and relaying the track would take several days. Accident investigators are on site; neighbours recalled repairs on the same curve after last winter\'s rain.',
    },
    independent: [
      {
        title: 'Millbrook wakes to the sound of a derailment',
        text: 'Residents of Station Road in Millbrook said they were woken before dawn on Wednesday by a long grinding noise followed by a crash. "It went on for what felt like a minute, then silence," said Graham Hale, a retired teacher whose garden backs onto the embankment. By daylight, wagons lay on their sides among scattered logs, and engineers in orange jackets were walking the line. Several neighbours said they had complained to the rail company about the state of the track after floods last winter. The parish council said it would ask for a public meeting once the investigation had begun.',
      },
    ],
  },
];
