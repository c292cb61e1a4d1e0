/// Building blocks for the rules' runnable examples.
enum Example {
    /// A body paragraph of plain argument, `n` times.
    static func filler(_ n: Int) -> String {
        Array(
            repeating:
                """
                The state has to act because no single body can solve the problem alone, and therefore a national \
                plan is needed.
                """,
            count: n
        ).joined(separator: " ")
    }

    /// A complete, well-formed short answer on CPEC, used as the non-firing case of most rules.
    static let good = """
        Q.1 Critically analyse the prospects and challenges of CPEC for Pakistan's economy.

        1. INTRODUCTION:
        The China-Pakistan Economic Corridor (CPEC) can transform Pakistan's economy, but only if its challenges of \
        security, debt and governance are met. This answer argues that the prospects of CPEC outweigh its challenges. \
        It first examines the prospects, then the challenges, and finally suggests a way forward.

        2. PROSPECTS OF CPEC:
        2.1 Energy and Infrastructure
        According to the Planning Commission, CPEC added 8,000 MW to the national grid by 2020. Because of these \
        plants, load-shedding fell sharply and industry recovered. Therefore the energy prospects of the corridor are \
        real.

        2.2 Trade through Gwadar
        Gwadar Port can handle 1.2 million tonnes of cargo, as Dawn reported in 2023. As a result, trade with Central \
        Asia can grow. However, the port still lacks fresh water and power.

        3. CHALLENGES OF CPEC:
        3.1 Security
        Attacks on Chinese workers in 2021 raised the cost of security, according to ISPR. Consequently the army \
        raised a Special Security Division of 15,000 troops.

        3.2 Debt
        The IMF estimated in 2023 that Pakistan owes China about $26 billion. Therefore the debt burden is a serious \
        challenge, although most of it is project debt.

        4. WAY FORWARD:
        Pakistan should complete the special economic zones, secure the routes and publish the terms of its loans. \
        "CPEC is a game changer for the whole region," said Nawaz Sharif in 2015.

        5. CONCLUSION:
        In conclusion, the prospects of CPEC outweigh its challenges for Pakistan's economy. If the state secures the \
        corridor and manages its debt, CPEC will become the engine of growth in the coming decade.
        """

    /// A well-built answer on climate change and the floods, written under a question on the SCO.
    static let offTopic = """
        Q.2 Analyse the role of Pakistan in the Shanghai Cooperation Organisation.

        1. INTRODUCTION:
        Climate change is the gravest threat to Pakistan. The floods of 2022 submerged a third of the country, and \
        this answer argues that adaptation must now come first.

        2. THE 2022 FLOODS:
        The monsoon rains of 2022 were nearly three times the average, according to the Pakistan Meteorological \
        Department. As a result, 33 million people were displaced and the World Bank put the losses at $30 billion.

        3. MELTING GLACIERS:
        The glaciers of the north are melting fast because temperatures are rising. Therefore glacial lake outburst \
        floods threaten the villages of Gilgit-Baltistan, as the UNDP warned in 2021.

        4. HEATWAVES AND AGRICULTURE:
        Heatwaves cut the wheat harvest in 2022. Consequently food prices rose, and farmers in Sindh lost their crops \
        to drought and then to flood water.

        5. CONCLUSION:
        In conclusion, climate change threatens Pakistan's future. The state must invest in adaptation, early warning \
        and resilient crops before the next monsoon.
        """

    /// A prepared answer on CPEC (its history and benefits) under a question on the corridor's security.
    static let cruxMissed = """
        Q.6 Examine the security challenges faced by CPEC and suggest measures to overcome them.

        1. INTRODUCTION:
        The China-Pakistan Economic Corridor is the flagship project of the Belt and Road Initiative. It was \
        launched in 2015 with an investment of 46 billion dollars, later raised to 62 billion dollars, and it links \
        Kashgar in China with the port of Gwadar on the Arabian Sea.

        2. HISTORY OF PAK-CHINA FRIENDSHIP:
        Pakistan recognised the People's Republic in 1950 and the two countries signed a boundary agreement in \
        1963. The Karakoram Highway was completed in 1978 and China has helped Pakistan build the JF-17 Thunder. \
        The friendship is called higher than the Himalayas and deeper than the oceans.

        3. BENEFITS OF CPEC:
        The corridor has added more than 8,000 megawatts of electricity to the national grid, built motorways such \
        as the Sukkur-Multan section, and promises special economic zones in every province. Gwadar will earn \
        transit fees and give China a shorter route to the Gulf than the Strait of Malacca.

        4. CONCLUSION:
        In conclusion, CPEC is a game changer for Pakistan. It will bring jobs, energy and roads, and it will make \
        Pakistan the trade hub of the region if both countries keep their friendship strong.
        """

    /// An answer on the SCO with one section that drifts to climate change.
    static let drifting = """
        Q.2 Analyse the role of Pakistan in the Shanghai Cooperation Organisation.

        1. INTRODUCTION:
        Pakistan joined the Shanghai Cooperation Organisation as a full member in 2017. This answer argues that the \
        SCO gives Pakistan a regional platform for security cooperation and connectivity with Central Asia.

        2. SECURITY COOPERATION:
        Pakistan works with the Regional Anti-Terrorist Structure (RATS) of the SCO against terrorism and extremism. \
        Because the member states share intelligence, joint counter-terrorism exercises such as Peace Mission have \
        improved regional security.

        3. CONNECTIVITY WITH CENTRAL ASIA:
        The SCO links Pakistan with the Central Asian republics, Russia and China. Therefore trade corridors through \
        Gwadar can give landlocked Kazakhstan, Uzbekistan and Tajikistan access to the sea, while CPEC complements \
        the connectivity agenda of the organisation.

        4. THE 2022 FLOODS:
        The monsoon floods of 2022 submerged a third of the country. Glaciers are melting, heatwaves cut the wheat \
        harvest, and climate change threatens food security, as the floods and the droughts in Sindh showed.

        5. CONCLUSION:
        In conclusion, the SCO is a valuable forum for Pakistan. If Pakistan uses it wisely, the organisation can \
        advance its security and its connectivity with Central Asia.
        """

    /// An answer on the SCO that never mentions the organisation's landmarks.
    static let thinOnAspects = """
        Q.2 Analyse the role of Pakistan in the Shanghai Cooperation Organisation.

        The Shanghai Cooperation Organisation matters to Pakistan. Pakistan is a member and it attends the meetings \
        of the organisation every year. The organisation is large and Pakistan has a role in it, so Pakistan should \
        play that role well. In conclusion, the Shanghai Cooperation Organisation is useful for Pakistan and its role \
        in it should grow in future.
        """

    /// An answer on the SCO that names the organisation's landmarks.
    static let richSCO = """
        Q.2 Analyse the role of Pakistan in the Shanghai Cooperation Organisation.

        The Shanghai Cooperation Organisation grew out of the Shanghai Five of 1996 and its founding in 2001. \
        Pakistan became a full member at the 2017 Astana summit. Through RATS, the Regional Anti-Terrorist Structure, \
        it fights the "three evils" of terrorism, separatism and extremism that the SCO Charter names. In conclusion, \
        the Shanghai spirit of consensus serves Pakistan's interest in Eurasian integration.
        """
}
