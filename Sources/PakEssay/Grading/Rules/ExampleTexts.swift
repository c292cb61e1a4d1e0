/// Building blocks for the rules' runnable examples.
enum Example {
    /// A body paragraph of plain argument, `n` times.
    static func filler(_ n: Int) -> String {
        Array(repeating: "The federal government has to act because the provinces cannot manage the issue alone, and therefore a national plan is needed.", count: n).joined(separator: " ")
    }

    /// A complete, well-formed short answer on CPEC, used as the non-firing case of most rules.
    static let good = """
    Q.1 Critically analyse the prospects and challenges of CPEC for Pakistan's economy.

    1. INTRODUCTION:
    The China-Pakistan Economic Corridor (CPEC) can transform Pakistan's economy, but only if its challenges of security, debt and governance are met. This answer argues that the prospects of CPEC outweigh its challenges. It first examines the prospects, then the challenges, and finally suggests a way forward.

    2. PROSPECTS OF CPEC:
    2.1 Energy and Infrastructure
    According to the Planning Commission, CPEC added 8,000 MW to the national grid by 2020. Because of these plants, load-shedding fell sharply and industry recovered. Therefore the energy prospects of the corridor are real.

    2.2 Trade through Gwadar
    Gwadar Port can handle 1.2 million tonnes of cargo, as Dawn reported in 2023. As a result, trade with Central Asia can grow. However, the port still lacks fresh water and power.

    3. CHALLENGES OF CPEC:
    3.1 Security
    Attacks on Chinese workers in 2021 raised the cost of security, according to ISPR. Consequently the army raised a Special Security Division of 15,000 troops.

    3.2 Debt
    The IMF estimated in 2023 that Pakistan owes China about $26 billion. Therefore the debt burden is a serious challenge, although most of it is project debt.

    4. WAY FORWARD:
    Pakistan should complete the special economic zones, secure the routes and publish the terms of its loans. "CPEC is a game changer for the whole region," said Nawaz Sharif in 2015.

    5. CONCLUSION:
    In conclusion, the prospects of CPEC outweigh its challenges for Pakistan's economy. If the state secures the corridor and manages its debt, CPEC will become the engine of growth in the coming decade.
    """
}
