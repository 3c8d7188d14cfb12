"""General-news paragraphs for `bench/extraction_probes.py`: invented for Gazette by a helper session
(wire-service style; checked against eval/gold: no shared sentence or 7-word run). Each has the
places a careful annotator lists (name, ISO code) and optional ones (accepted, not required);
none holds a territorial claim."""

# ruff: noqa: E501
from typing import Any

Place = tuple[str, str]
P: list[dict[str, Any]] = []


def add(
    text: str, expected: list[Place] | tuple[()] = (), optional: list[Place] | tuple[()] = ()
) -> None:
    P.append(
        {"text": text, "expected": list(expected), "optional": list(optional), "kind": "general"}
    )


def pol(
    text: str, expected: list[Place] | tuple[()] = (), optional: list[Place] | tuple[()] = ()
) -> None:
    P.append(
        {
            "text": text,
            "expected": list(expected),
            "optional": list(optional),
            "kind": "politics-war",
        }
    )


# ---- sports
add(
    "Manchester City beat Liverpool 3-1 at the Etihad Stadium in Manchester on Saturday, with Erling Haaland scoring twice. The result leaves Arsenal two points behind at the top of the Premier League. Liverpool fell to City for the second time this season, and manager Arne Slot said his side had lost control of midfield after the break.",
    [("Manchester", "GB")],
)
add(
    "Real Madrid retook the lead in La Liga on Sunday after a 2-0 win over Sevilla at the Santiago Bernabeu. Jude Bellingham opened the scoring before Vinicius Junior added a second late on. Barcelona, who drew in Valencia on Saturday, are now one point behind.",
    [("Valencia", "ES")],
)
add(
    "The Boston Celtics overran the Denver Nuggets 128-104 on Tuesday night, taking control of the series. Jayson Tatum scored 34 points, and coach Joe Mazzulla said the team had 'held the paint' all night. Game 5 is in Denver on Thursday.",
    [("Denver", "US")],
)
add(
    "Jamaica's Shericka Jackson won the 200 metres at the Diamond League meeting in Zurich on Thursday. Jackson said she was pleased with her time after a difficult spring. American Gabby Thomas finished second and Julien Alfred of Saint Lucia was third.",
    [("Jamaica", "JM"), ("Zurich", "CH"), ("Saint Lucia", "LC")],
)
add(
    "Novak Djokovic advanced to the quarter-finals of the Australian Open in Melbourne on Monday, beating Czech qualifier Tomas Machac in four sets. The Serbian will next face Carlos Alcaraz, who withdrew from the Rotterdam tournament last month with an ankle injury.",
    [("Melbourne", "AU")],
    [("Rotterdam", "NL")],
)
add(
    "New Zealand captured the Bledisloe Cup for a 22nd straight year after beating Australia 31-20 at Eden Park in Auckland. The All Blacks scored four tries. Wallabies coach Joe Schmidt said his team 'ceded too much ground' at the breakdown.",
    [("New Zealand", "NZ"), ("Australia", "AU"), ("Auckland", "NZ")],
)
add(
    "Chelsea have signed Brazilian winger Estevao Willian from Palmeiras for a fee that could reach 60 million euros, the London club said on Friday. The 18-year-old will join after the Club World Cup in the United States.",
    [("London", "GB"), ("United States", "US")],
)
add(
    "India bowled England out for 246 on the opening day of the third Test in Rajkot. Spinner Ravindra Jadeja took five wickets, and England captain Ben Stokes said the pitch had turned sharply from the first session.",
    [("India", "IN"), ("England", "GB"), ("Rajkot", "IN")],
)
add(
    "Kenya's Faith Kipyegon broke her own world record in the 1,500 metres at the Prefontaine Classic in Eugene, Oregon, on Saturday. Kipyegon, who grew up in Keringet, said the crowd had carried her over the last lap.",
    [("Kenya", "KE"), ("Eugene", "US"), ("Oregon", "US"), ("Keringet", "KE")],
)
add(
    "Tour de France organisers confirmed that the 2026 race will start in Barcelona, with three stages in Catalonia before the peloton crosses the Pyrenees into France. Race director Christian Prudhomme said the city had 'a long love affair with cycling'.",
    [("Barcelona", "ES"), ("Catalonia", "ES"), ("France", "FR")],
    [("Pyrenees", "FR")],
)
add(
    "Inter Milan held Bayern Munich to a 2-2 draw at San Siro on Wednesday to reach the Champions League semi-finals. Lautaro Martinez scored for the Italian side, while Harry Kane replied for Bayern, who exit the competition.",
    [],
)
add(
    "Lewis Hamilton finished third at the Monaco Grand Prix on Sunday behind Charles Leclerc and Lando Norris. Hamilton said his Ferrari had struggled for grip in the final stint. Norris now trails Oscar Piastri by 10 points in the drivers' standings.",
    [],
    [("Monaco", "MC")],
)

# ---- business
add(
    "Toyota said on Wednesday it would invest $1.4 billion to build electric vehicles at its plant in Georgetown, Kentucky. The Japanese carmaker expects to start production in 2026. Shares in Toyota rose 2 percent in Tokyo.",
    [("Georgetown", "US"), ("Kentucky", "US"), ("Tokyo", "JP")],
)
add(
    "Swiss food giant Nestle agreed to take over a smaller rival, the British snack maker Tyrrells, for 1.2 billion pounds, the companies said on Monday. Nestle, based in Vevey, said the deal would close by the end of the year, subject to approval from regulators in London and Brussels.",
    [("Vevey", "CH"), ("London", "GB"), ("Brussels", "BE")],
)
add(
    "Emirates will pull out of the Nigerian market from next month, the Dubai-based airline said, citing difficulties in repatriating ticket revenue. The carrier currently operates daily flights between Dubai and Lagos. Qatar Airways and Turkish Airlines said their services would continue.",
    [("Dubai", "AE"), ("Lagos", "NG")],
)
add(
    "Shell reported a quarterly profit of $7.7 billion on Thursday, beating forecasts, as higher gas prices offset weaker refining margins. Chief executive Wael Sawan told analysts in London that the company would keep buying back shares. BP reports its results next week.",
    [("London", "GB")],
)
add(
    "Deutsche Bank said it would cut 3,500 jobs, mainly in back-office roles in Frankfurt and Berlin, as it seeks to lower costs. Union leaders called the plan 'a slap in the face' for staff. The bank's shares rose 3 percent.",
    [("Frankfurt", "DE"), ("Berlin", "DE")],
)
add(
    "Samsung Electronics expects operating profit to fall by a third in the second quarter, the South Korean company said on Friday, as demand for memory chips slows. The company, headquartered in Suwon, will release full results on July 31.",
    [("Suwon", "KR")],
)
add(
    "Shares in Hitachi and Suzuki fell on Tuesday after the Bank of Japan signalled it could raise interest rates again. The Nikkei index closed down 1.3 percent. Analysts at Goldman Sachs said a stronger yen would hurt exporters.",
    [],
)
add(
    "Liberty Mutual said it had agreed to sell its Spanish insurance business to a rival, Mapfre, for 850 million euros. Mission Produce, the avocado supplier based in Oxnard, California, separately reported record sales for the quarter.",
    [("Oxnard", "US"), ("California", "US")],
)
add(
    "The European Central Bank held interest rates at 2 percent on Thursday. ECB President Christine Lagarde told reporters in Frankfurt that inflation in the eurozone was close to target. Markets in Paris and Milan rose after the announcement.",
    [("Frankfurt", "DE"), ("Paris", "FR"), ("Milan", "IT")],
)
add(
    "Boeing delivered 45 aircraft in March, up from 29 a year earlier, the planemaker said. Airbus, its European rival, handed over 71 jets. Ryanair chief executive Michael O'Leary said he still expected delays to some deliveries due in Dublin this summer.",
    [("Dublin", "IE")],
)
add(
    "Walmart will open 150 new stores in the United States over the next five years, the Bentonville, Arkansas-based retailer said. Target and Costco also reported strong holiday sales. Walmart shares rose 1 percent on Wall Street.",
    [("United States", "US"), ("Bentonville", "US"), ("Arkansas", "US")],
)
add(
    "Volkswagen agreed to pay 400 million euros to settle claims from shareholders over the diesel emissions scandal, a court in Braunschweig said on Monday. The carmaker, based in Wolfsburg, did not admit wrongdoing.",
    [("Braunschweig", "DE"), ("Wolfsburg", "DE")],
)

# ---- politics, elections
add(
    "Former President Donald Trump held a rally in Dayton, Ohio, on Saturday, urging supporters to back his pick for the Senate. Trump said Ohio had 'never been stronger' and attacked Democrats over inflation. Polls show the race in Ohio tightening.",
    [("Dayton", "US"), ("Ohio", "US")],
)
add(
    "Republicans regained control of the House of Representatives after winning a seat in Arizona, the Associated Press projected on Wednesday. Democrats held Pennsylvania and Michigan but lost ground in Georgia, where turnout was high in Atlanta's suburbs.",
    [
        ("Arizona", "US"),
        ("Pennsylvania", "US"),
        ("Michigan", "US"),
        ("Georgia", "US"),
        ("Atlanta", "US"),
    ],
)
add(
    "Britain's Labour Party took control of 12 councils in local elections, while the Conservatives lost ground across the south of England. In Reading, Labour won every seat. Prime Minister Keir Starmer told reporters at Downing Street that voters had backed change.",
    [("Britain", "GB"), ("England", "GB"), ("Reading", "GB")],
)
add(
    "Japan's foreign minister resigned on Tuesday after a weekly magazine reported that he had accepted gifts from a construction company in Osaka. Prime Minister Shigeru Ishiba said he accepted the resignation 'with regret'. Mr. Hamilton, a spokesman for the U.S. embassy in Tokyo, declined to comment.",
    [("Japan", "JP"), ("Osaka", "JP"), ("U.S.", "US"), ("Tokyo", "JP")],
)
add(
    "Ms. Victoria, the opposition spokeswoman, told the Senate in Manila that the budget would leave provinces short of funds. President Ferdinand Marcos Jr. is expected to sign the bill next week. Senators from Mindanao said the cuts would hit schools hardest.",
    [("Manila", "PH"), ("Mindanao", "PH")],
)
add(
    "South Africa's parliament elected Cyril Ramaphosa to a second term as president on Friday after his party agreed to govern with the Democratic Alliance. The vote took place in Cape Town. Julius Malema's party said it would not join the coalition.",
    [("South Africa", "ZA"), ("Cape Town", "ZA")],
)
add(
    "Mexico's Congress approved a judicial reform on Wednesday that will make all judges stand for election. Protesters gathered outside the Senate in Mexico City. The peso fell 1 percent against the dollar, and Washington said it was 'watching closely'.",
    [("Mexico", "MX"), ("Mexico City", "MX"), ("Washington", "US")],
)
add(
    "Canada's Liberal Party chose a new leader at a convention in Ottawa on Sunday. Mark Carney won 86 percent of the vote. Carney, a former governor of the Bank of England, said he would call an election within weeks.",
    [("Canada", "CA"), ("Ottawa", "CA")],
)
add(
    "Union officials in Victoria, British Columbia, said teachers would strike next week if the province did not improve its pay offer. Premier David Eby told reporters in Vancouver that talks were continuing.",
    [("Victoria", "CA"), ("British Columbia", "CA"), ("Vancouver", "CA")],
)
add(
    "Senator Elizabeth Warren questioned the head of the Federal Reserve on Tuesday about bank mergers. Warren said regulators had 'looked the other way'. Jerome Powell replied that the Fed would publish new rules in the spring.",
    [],
)
add(
    "Jackson said the governor's office would review the proposal before the legislative session in Austin. State Representative Carl Sherman, a Democrat from Dallas, said Texas needed more money for rural hospitals.",
    [("Austin", "US"), ("Dallas", "US"), ("Texas", "US")],
)
add(
    "The European Union agreed on Thursday to open membership talks with Moldova. EU leaders meeting in Brussels also approved a 50 billion euro aid package. Hungary's prime minister Viktor Orban did not block the decision.",
    [("Moldova", "MD"), ("Brussels", "BE"), ("Hungary", "HU")],
)
add(
    "Nepal's prime minister lost a vote of confidence in parliament in Kathmandu on Friday, the third change of government in two years. The Republic's president asked party leaders to form a new coalition within a week.",
    [("Nepal", "NP"), ("Kathmandu", "NP")],
)

# ---- courts, crime
add(
    "A court in Nairobi on Tuesday ordered the release of an opposition activist arrested during protests over tax increases. Justice Lawrence Mugambi said police had held him without charge for longer than the law allows. The Kenyan government said it would appeal.",
    [("Nairobi", "KE")],
)
add(
    "Police seized 8 tonnes of cocaine hidden in a shipment of bananas at the port of Rotterdam, Dutch customs said on Monday. The shipment had arrived from Ecuador. Two men were arrested in Breda.",
    [("Rotterdam", "NL"), ("Ecuador", "EC"), ("Breda", "NL")],
)
add(
    "Police said a 34-year-old man had been charged with murder after a stabbing in Leeds city centre on Saturday night. West Yorkshire Police appealed for witnesses. The victim, a 22-year-old student, died in hospital.",
    [("Leeds", "GB")],
    [("West Yorkshire", "GB")],
)
add(
    "A jury in Brooklyn found a former executive of the cryptocurrency exchange guilty of fraud on Thursday. Prosecutors said he had stolen $8 billion from customers. Judge Lewis Kaplan will sentence him in March.",
    [("Brooklyn", "US")],
)
add(
    "France's highest court upheld the conviction of former President Nicolas Sarkozy for illegal campaign financing. Sarkozy, who lives in Paris, will have to wear an electronic tag for a year, his lawyer said.",
    [("France", "FR"), ("Paris", "FR")],
)
add(
    "Brazilian police arrested 14 people in Sao Paulo and Rio de Janeiro accused of running an illegal gambling network. The group laundered money through shell companies in Panama and Uruguay, investigators said.",
    [("Sao Paulo", "BR"), ("Rio de Janeiro", "BR"), ("Panama", "PA"), ("Uruguay", "UY")],
)
add(
    "The Supreme Court in New Delhi agreed on Monday to hear a petition challenging the new election bond rules. Chief Justice D.Y. Chandrachud said the matter raised serious questions. The case will be heard in July.",
    [("New Delhi", "IN")],
)
add(
    "Mr. Lincoln, a lawyer for the family, told reporters outside the courthouse in Phoenix that they would appeal. Officers from the Maricopa County Sheriff's Office had been cleared of wrongdoing earlier this week.",
    [("Phoenix", "US")],
    [("Maricopa County", "US")],
)
add(
    "Interpol said it had arrested 300 suspects in a global operation against online fraud. The suspects were held in 20 countries, including Spain, Nigeria and Indonesia, the agency said from its headquarters in Lyon.",
    [("Spain", "ES"), ("Nigeria", "NG"), ("Indonesia", "ID"), ("Lyon", "FR")],
)

# ---- weather, disasters
add(
    "Floods in Bangladesh have killed at least 40 people and forced 300,000 from their homes, officials said on Sunday. The worst-hit district is Sylhet, near the border with India. Rain is expected to continue for three more days.",
    [("Bangladesh", "BD"), ("Sylhet", "BD"), ("India", "IN")],
)
add(
    "Typhoon Gaemi hit the northern Philippines on Wednesday with winds of 180 km/h, cutting power to thousands of homes in Luzon. The storm is expected to reach Taiwan by Thursday. Schools in Manila were closed.",
    [("Philippines", "PH"), ("Luzon", "PH"), ("Taiwan", "TW"), ("Manila", "PH")],
)
add(
    "A magnitude 6.4 earthquake struck off the coast of Hualien in eastern Taiwan on Friday. There were no immediate reports of damage, the Central Weather Administration said. Buildings swayed in Taipei.",
    [("Hualien", "TW"), ("Taiwan", "TW"), ("Taipei", "TW")],
)
add(
    "Wildfires forced the evacuation of 20,000 people near Athens on Monday as strong winds drove the flames towards the suburbs. Greece asked the European Union for help, and firefighting planes arrived from Italy and Spain.",
    [("Athens", "GR"), ("Greece", "GR"), ("Italy", "IT"), ("Spain", "ES")],
)
add(
    "Spring storms dumped more than a metre of snow on the Sierra Nevada over the weekend, closing Interstate 80 between Sacramento and Reno. The National Weather Service warned of avalanches near Lake Tahoe.",
    [("Sacramento", "US"), ("Reno", "US")],
    [("Sierra Nevada", "US"), ("Lake Tahoe", "US")],
)
add(
    "Heavy rain caused a landslide in the Indian state of Kerala, killing 12 people in the district of Wayanad. Rescue workers from the National Disaster Response Force were flown in from Chennai.",
    [("Kerala", "IN"), ("Wayanad", "IN"), ("Chennai", "IN")],
)
add(
    "Hurricane Milton made landfall near Sarasota, Florida, late on Wednesday. Officials in Tampa said the storm surge was lower than feared. More than two million homes lost power.",
    [("Sarasota", "US"), ("Florida", "US"), ("Tampa", "US")],
)

# ---- science, health
add(
    "The World Health Organization said on Tuesday that cases of mpox had risen sharply in the Democratic Republic of Congo and neighbouring Burundi. WHO chief Tedros Adhanom Ghebreyesus told reporters in Geneva that vaccines would be sent within weeks.",
    [("Democratic Republic of Congo", "CD"), ("Burundi", "BI"), ("Geneva", "CH")],
)
add(
    "NASA's Europa Clipper spacecraft launched from Cape Canaveral on Monday on a five-year journey to Jupiter. Scientists at the Jet Propulsion Laboratory in Pasadena said the probe would study whether the moon's ocean could support life.",
    [("Cape Canaveral", "US"), ("Pasadena", "US")],
)
add(
    "Researchers at the University of Toronto said they had developed a blood test that can detect pancreatic cancer early. The study, published in Nature, followed 2,000 patients in Toronto and Montreal.",
    [("Toronto", "CA"), ("Montreal", "CA")],
)
add(
    "A hospital in Lagos has carried out Nigeria's first robotic surgery, doctors said on Wednesday. Dr. Florence Adeyemi, who led the team, said the procedure had taken four hours.",
    [("Lagos", "NG"), ("Nigeria", "NG")],
)
add(
    "Scientists from the University of Cambridge and Harvard University said a new malaria vaccine had reduced infections by 75 percent in a trial in Burkina Faso. The vaccine is made by the Serum Institute of India in Pune.",
    [("Burkina Faso", "BF"), ("Pune", "IN")],
)
add(
    "The UK's health regulator approved a new weight-loss drug on Thursday. Mr. Chester, a spokesman for the regulator, said the National Health Service would begin offering it to patients in England from September.",
    [("UK", "GB"), ("England", "GB")],
)

# ---- culture, obituaries, travel
add(
    "The Cannes Film Festival opened on Tuesday with a French comedy, and Meryl Streep received an honorary Palme d'Or. Festival director Thierry Fremaux said this year's lineup included films from Iran, Brazil and South Korea.",
    [("Iran", "IR"), ("Brazil", "BR"), ("South Korea", "KR")],
    [("Cannes", "FR")],
)
add(
    "Paris Hilton and Orlando Bloom were among the guests at the Met Gala in New York on Monday. Florence Pugh wore a dress by the Italian designer Valentino. The event raised $26 million for the Metropolitan Museum of Art.",
    [("New York", "US")],
)
add(
    "The novelist Paul Auster, whose books were set largely in Brooklyn, has died at the age of 77, his publisher said. Auster was born in Newark, New Jersey, and studied at Columbia University. His novel 4 3 2 1 was shortlisted for the Booker Prize.",
    [("Brooklyn", "US"), ("Newark", "US"), ("New Jersey", "US")],
)
add(
    "Venice will charge day-trippers a 5 euro entry fee on busy weekends from April, city officials said. Mayor Luigi Brugnaro said the fee would ease crowding around St Mark's Square. Residents of the Veneto region are exempt.",
    [("Venice", "IT"), ("Veneto", "IT")],
)
add(
    "The Louvre in Paris welcomed 8.7 million visitors last year, making it the world's most visited museum, according to a report published by the Art Newspaper. The Vatican Museums were second.",
    [("Paris", "FR")],
    [("Vatican", "VA")],
)
add(
    "Taylor Swift will play three concerts at Wembley Stadium in London in August, her promoter said. Tickets for the shows sold out in minutes. Swift last performed in Edinburgh and Cardiff in June.",
    [("London", "GB"), ("Edinburgh", "GB"), ("Cardiff", "GB")],
)
add(
    "Iceland will reopen the Blue Lagoon near Grindavik on Saturday after the latest volcanic eruption ended, the operator said. Tourists flying into Reykjavik had been warned to check for updates.",
    [("Iceland", "IS"), ("Grindavik", "IS"), ("Reykjavik", "IS")],
)
add(
    "Sydney Sweeney and Austin Butler are among the stars of a new thriller shot in Morocco and Jordan, the studio said. Filming wrapped in Marrakesh last month, and the film opens in December.",
    [("Morocco", "MA"), ("Jordan", "JO"), ("Marrakesh", "MA")],
)

# ---- media outlets, acronyms, companies
add(
    "The Washington Post reported on Sunday that the administration was considering new tariffs on steel. The New York Times and the Financial Times later confirmed the report, citing officials. Agence France-Presse said European officials had not been informed.",
    [],
)
add(
    "According to the Los Angeles Times, the studio will move its headquarters from Burbank to Austin, Texas. A company spokeswoman told the Sydney Morning Herald that Australian staff would not be affected.",
    [("Burbank", "US"), ("Austin", "US"), ("Texas", "US")],
)
add(
    "UN Secretary-General Antonio Guterres told the General Assembly in New York that the world was 'off track' on climate goals. NATO and the EU both sent delegations, and the IMF warned that poorer countries faced rising debt.",
    [("New York", "US")],
)
add(
    "OPEC agreed on Sunday to keep oil output unchanged until the end of the year, the group said after a meeting in Vienna. Saudi Arabia and the UAE had pressed for deeper cuts, delegates told Reuters.",
    [("Vienna", "AT"), ("Saudi Arabia", "SA"), ("UAE", "AE")],
)
add(
    "Al Jazeera and the BBC both interviewed the minister, who said the Times of India had misquoted him. The Jerusalem Post later corrected its headline.",
    [],
)
add(
    "Apple will open its first retail store in Mumbai next month, chief executive Tim Cook said. A second store will open in Delhi a week later. Rivals Xiaomi and Samsung dominate the Indian smartphone market.",
    [("Mumbai", "IN"), ("Delhi", "IN")],
)
add(
    "The Kyiv Independent and the Moscow Times were both shortlisted for a press freedom award, the Committee to Protect Journalists said in a statement from New York.",
    [("New York", "US")],
)
add(
    "Canon and Nikon said they would jointly develop camera sensors. Mazda, which is based in Hiroshima, announced a separate tie-up with Panasonic on batteries. Dell shares fell 4 percent.",
    [("Hiroshima", "JP")],
)

# ---- common words / tricky
add(
    "Independence Day celebrations in Accra drew thousands on Thursday. President John Mahama told the crowd that Ghana's economy was recovering. The Victory Parade passed the Liberty Monument before ending at Black Star Square.",
    [("Accra", "GH"), ("Ghana", "GH")],
)
add(
    "Mrs. May, the former prime minister, said in a speech in Maidenhead that the party had to reach out to young voters. She spoke for 20 minutes and took questions from students. Nice weather brought a large crowd.",
    [("Maidenhead", "GB")],
)
add(
    "A Turkey shortage has pushed up Christmas prices in British supermarkets, the industry body said. Farmers in Norfolk blamed bird flu. Shoppers were also paying more for Champagne and Brussels sprouts.",
    [("Norfolk", "GB")],
)
add(
    "Mr. Kent told the inquiry that the contract had been awarded without a tender. Mr. Darwin, who chaired the committee, said he had not been informed. The inquiry resumes in Belfast on Monday.",
    [("Belfast", "GB")],
)
add(
    "Chad Smith, the drummer for the Red Hot Chili Peppers, said the band would tour Europe next year, starting in Lisbon. Guitarist John Frusciante will return for the shows.",
    [("Lisbon", "PT")],
    [("Europe", "--")],
)
add(
    "The Mission, a homeless charity in Glasgow, opened a new shelter on Tuesday. The Republic of Ireland's embassy in Washington hosted a reception for the Irish rugby team on Saint Patrick's Day.",
    [("Glasgow", "GB"), ("Ireland", "IE"), ("Washington", "US")],
)
add(
    "Georgia Tech beat Clemson 24-20 on Saturday in Atlanta. Quarterback Haynes King threw two touchdown passes. Georgia Tech now faces Miami next week.",
    [("Atlanta", "US")],
)
add(
    "Houston Rockets guard Jalen Green scored 41 points in a win over the Phoenix Suns. Rockets coach Ime Udoka said Green had 'carried the team'. The Rockets play in Salt Lake City on Friday.",
    [("Salt Lake City", "US")],
)

# ---- politics that mention wars in passing
pol(
    "Germany's foreign minister, who visited Kyiv last year, said on Monday that Berlin would increase its development aid budget to Africa by 10 percent. Speaking in Berlin, she said the money would focus on clean energy in Kenya and Senegal.",
    [("Germany", "DE"), ("Kyiv", "UA"), ("Berlin", "DE"), ("Kenya", "KE"), ("Senegal", "SN")],
    [("Africa", "--")],
)
pol(
    "Poland's president vetoed a bill on Tuesday that would have changed the rules for public media. The veto comes as Warsaw takes in more refugees from Ukraine, where the war with Russia is in its fourth year. Parliament can override the veto with a three-fifths majority.",
    [("Poland", "PL"), ("Warsaw", "PL"), ("Ukraine", "UA"), ("Russia", "RU")],
)
pol(
    "The British defence secretary, speaking in Washington, said Britain would raise military spending to 2.5 percent of GDP. He said the wars in Ukraine and the Middle East had shown the need for larger stockpiles. He later flew to Ottawa for talks.",
    [("Washington", "US"), ("Britain", "GB"), ("Ukraine", "UA"), ("Ottawa", "CA")],
    [("Middle East", "--")],
)
pol(
    "Egypt's central bank raised interest rates by 6 percentage points on Wednesday. Officials in Cairo said the economy had been hit by the war in Gaza, which has cut revenue from the Suez Canal. The IMF said it would expand its loan program.",
    [("Egypt", "EG"), ("Cairo", "EG"), ("Gaza", "PS")],
    [("Suez Canal", "EG")],
)
pol(
    "Finland's president, a former prime minister, told students at the University of Helsinki that joining NATO after Russia's invasion of Ukraine had been the right decision. He said Finland would host a NATO exercise in Lapland in March.",
    [("Finland", "FI"), ("Russia", "RU"), ("Ukraine", "UA"), ("Lapland", "FI")],
    [("Helsinki", "FI")],
)
pol(
    "Chad's transitional government signed an agreement with the United Arab Emirates for a $1.5 billion loan. The deal comes as Chad hosts hundreds of thousands of refugees who fled the fighting in Sudan's Darfur region. The money will fund roads in N'Djamena.",
    [
        ("Chad", "TD"),
        ("United Arab Emirates", "AE"),
        ("Sudan", "SD"),
        ("Darfur", "SD"),
        ("N'Djamena", "TD"),
    ],
)
pol(
    "Israel's opposition leader called for early elections at a rally in Tel Aviv on Saturday. Tens of thousands of people marched, many demanding a deal to bring home hostages held in Gaza since October 2023. The government said elections would wait until after the war.",
    [("Israel", "IL"), ("Tel Aviv", "IL"), ("Gaza", "PS")],
)
pol(
    "Armenia's prime minister said on Thursday that the country would hold a referendum on a new constitution next year. Nikol Pashinyan, speaking in Yerevan, said peace with Azerbaijan was close after decades of conflict over Nagorno-Karabakh.",
    [("Armenia", "AM"), ("Yerevan", "AM"), ("Azerbaijan", "AZ"), ("Nagorno-Karabakh", "AZ")],
)
pol(
    "The Ethiopian government announced a 30 percent rise in the minimum wage on Friday. The economy of Ethiopia has been slow to recover since the war in Tigray ended in 2022, officials in Addis Ababa said.",
    [("Ethiopia", "ET"), ("Tigray", "ET"), ("Addis Ababa", "ET")],
)
pol(
    "Lithuania's parliament approved a budget that raises defence spending to 3 percent of GDP. The speaker, who visited Kyiv and Odesa in the spring, said Vilnius had to prepare for a long confrontation with Moscow. The budget passed by 82 votes to 20.",
    [("Lithuania", "LT"), ("Kyiv", "UA"), ("Odesa", "UA"), ("Vilnius", "LT"), ("Moscow", "RU")],
)
pol(
    "Colombia's president Gustavo Petro named a new defence minister on Tuesday, his fifth since taking office. Petro said in Bogota that the government would resume talks with rebel groups that still operate in Cauca and Catatumbo.",
    [("Colombia", "CO"), ("Bogota", "CO"), ("Cauca", "CO")],
    [("Catatumbo", "CO")],
)
