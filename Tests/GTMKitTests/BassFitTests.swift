import Testing
@testable import GTMKit

/// The Bass fit against a published fit, synthetic data from known parameters, and the data the
/// model cannot fit.
@Suite struct BassFitTests {
    /// Cowpertwait & Metcalfe, *Introductory Time Series with R* (Springer 2009), §3.3.4: US VCR
    /// sales 1980–1989 in thousands, fitted by R's `nls` to m·f(t), t = 1…10. Published:
    /// M 6.80e+04 (s.e. 3.13e+03), P 6.59e-03 (1.43e-03), Q 6.38e-01 (4.14e-02); residual
    /// standard error 727 on 7 degrees of freedom.
    static let vcr: [Double] = [840, 1470, 2110, 4000, 7590, 10950, 10530, 9470, 7790, 5890]
    static let years = (0...10).map(Double.init)

    @Test func reproducesThePublishedVCRFit() throws {
        let fit = try BassFit.fit(Self.vcr, boundaries: Self.years, form: .density)
        #expect(abs(fit.m / 6.80e4 - 1) < 0.005)
        #expect(abs(fit.p / 6.59e-3 - 1) < 0.01)
        #expect(abs(fit.q / 0.638 - 1) < 0.005)
        #expect(abs((fit.seM ?? 0) / 3.13e3 - 1) < 0.01)
        #expect(abs((fit.seP ?? 0) / 1.43e-3 - 1) < 0.01)
        #expect(abs((fit.seQ ?? 0) / 4.14e-2 - 1) < 0.01)
        #expect(abs((fit.rss / 7).squareRoot() - 727) < 1)
    }

    @Test func periodSalesFormOnTheSameData() throws {
        // gtm's form (Srinivasan & Mason) on the VCR data; not published: computed independently
        // with scipy's least_squares (m 67,660.03, p 0.00878896, q 0.6421589).
        let fit = try BassFit.fit(Self.vcr, boundaries: Self.years)
        #expect(abs(fit.m / 67_660.03 - 1) < 0.001)
        #expect(abs(fit.p / 0.00878896 - 1) < 0.005)
        #expect(abs(fit.q / 0.6421589 - 1) < 0.001)
        #expect(fit.r2 > 0.95)
    }

    @Test func recoversKnownParameters() throws {
        // 60 monthly periods from m = 50,000, p = 0.02, q = 0.5 a year: exact data give them back.
        let t = (0...60).map { Double($0) / 12 }
        let exact = BassFit.model(50_000, 0.02, 0.5, t, .periodSales)
        let fit = try BassFit.fit(exact, boundaries: t)
        #expect(abs(fit.m / 50_000 - 1) < 1e-4 && abs(fit.p / 0.02 - 1) < 1e-4 && abs(fit.q / 0.5 - 1) < 1e-4)
        // With ±5% noise (a fixed pattern), within 10% and inside the 95% ranges.
        let noisy = exact.enumerated().map { $0.element * (1 + 0.05 * Math.sin(Double($0.offset) * 2.3)) }
        let rough = try BassFit.fit(noisy, boundaries: t)
        #expect(abs(rough.m / 50_000 - 1) < 0.1 && abs(rough.p / 0.02 - 1) < 0.1 && abs(rough.q / 0.5 - 1) < 0.1)
        #expect(rough.mRange?.contains(50_000) == true && rough.qRange?.contains(0.5) == true)
    }

    @Test func refusesWhatCannotBeFitted() {
        // Exact doubling: the least-squares "estimate" runs off to m → ∞ (Marković & Jukić 2013);
        // an exponential fits it exactly, which is the reason given.
        let doubling = [1.0, 2, 4, 8, 16, 32]
        #expect(throws: BassFit.Refusal.stillExponential) { try BassFit.fit(doubling, boundaries: (0...6).map(Double.init)) }
        // The VCR's first four years are still exponential; three years are too few.
        #expect(throws: BassFit.Refusal.self) { try BassFit.fit(Array(Self.vcr.prefix(4)), boundaries: (0...4).map(Double.init)) }
        #expect(throws: BassFit.Refusal.tooFewPeriods(3)) { try BassFit.fit(Array(Self.vcr.prefix(3)), boundaries: (0...3).map(Double.init)) }
        #expect(throws: BassFit.Refusal.noSales) { try BassFit.fit([0, 0, 0, 0], boundaries: (0...4).map(Double.init)) }
    }

    @Test func aPriorHoldsEarlyDataNearIt() throws {
        // Two periods at twice the prior's sales move m a little; with a prior even 2 periods fit.
        let t = (0...60).map { Double($0) / 52 }
        let plan = BassFit.model(10_000, 0.5, 2, t, .periodSales)
        let prior = BassFit.Prior(m: 10_000, p: 0.5, q: 2, tau: (0.5, 0.7, 0.7), sigma: 0.25, floor: 1)
        let two = try BassFit.fit(plan.prefix(2).map { $0 * 2 }, boundaries: Array(t.prefix(3)), prior: prior)
        let twelve = try BassFit.fit(plan.prefix(12).map { $0 * 2 }, boundaries: Array(t.prefix(13)), prior: prior)
        #expect(two.m > 10_000 && twelve.m > two.m)
    }
}

@Suite struct SalesSeriesTests {
    func parse(_ text: String) throws(ScenarioError.Located) -> SalesSeries {
        try SalesSeries.parse(Array(text.utf8), source: 0)
    }

    @Test func weeklyAndMonthly() throws {
        let weekly = try parse("date,units\n2027-03-01,100\n2027-03-08,120\n2027-03-15,90\n")
        #expect(weekly.periodDays == 7 && weekly.total == 310)
        let expected: [Double] = [0, 7 / 365.25, 14 / 365.25, 21 / 365.25]
        #expect(zip(weekly.boundaries, expected).allSatisfy { abs($0 - $1) < 1e-15 } && weekly.boundaries.count == 4)
        let monthly = try parse("date,units\r\n2026-01-31,10\r\n2026-02-28,12\r\n2026-03-31,15\r\n")
        #expect(abs(monthly.periodDays - 365.25 / 12) < 1e-12)
    }

    @Test func quarterlyAndYearly() throws {
        // Category data is often yearly (Bass 1969's series are): the same day every 12 months is a year of 365.25 days, every
        // 3 months a quarter; boundaries in years from the first period's start.
        let yearly = try parse("date,units\n1949-01-01,96\n1950-01-01,195\n1951-01-01,238\n")
        #expect(yearly.periodDays == 365.25)
        // 1949-01-01 → 1950-01-01 is 365 days, → 1951-01-01 730; the last period runs a year (365.25 days) past its start.
        #expect(zip(yearly.boundaries, [0.0, 365 / 365.25, 730 / 365.25, 730 / 365.25 + 1]).allSatisfy { abs($0 - $1) < 1e-12 })
        let quarterly = try parse("date,units\n2026-01-01,10\n2026-04-01,12\n2026-07-01,15\n")
        #expect(quarterly.periodDays == 365.25 / 4)
        // A year skipped is found where it is.
        #expect(throws: (any Error).self) { try parse("date,units\n2020-01-01,1\n2021-01-01,2\n2023-01-01,3\n") }
        // 13 yearly periods from m = 17,000, p = 0.01, q = 0.4: the fit gives them back.
        let t = (0...13).map(Double.init)
        let exact = BassFit.model(17_000, 0.01, 0.4, t, .periodSales)
        let fit = try BassFit.fit(exact, boundaries: t)
        #expect(abs(fit.m / 17_000 - 1) < 1e-4 && abs(fit.p / 0.01 - 1) < 1e-4 && abs(fit.q / 0.4 - 1) < 1e-4)
    }

    /// Bass (1969), *Management Science* 15(5): US room air conditioner sales 1949–1961 in thousands, yearly (the
    /// same figures as Bass's paper and the diffusion literature's test series). Bass estimated m, p, q by ordinary least
    /// squares on S(t) = a + b·Y(t−1) + c·Y(t−1)²; gtm fits the period sales by nonlinear least squares (Srinivasan & Mason
    /// 1986), which gives a larger m and smaller p on this series. Both computed independently beside this test:
    /// - Bass's regression (numpy `lstsq`, Y(0) = 0): a 290.415, b 0.387954, c −2.36932e-5 → m 17,091, p 0.01699, q 0.4049.
    /// - NLS on these boundaries (scipy `least_squares`, best of 12 starts): m 18,705.04, p 0.00944142, q 0.3749482,
    ///   RSS 340,014, R² 0.93346.
    @Test func bass1969RoomAirConditioners() throws {
        let units = [96, 195, 238, 380, 1045, 1230, 1267, 1828, 1586, 1673, 1800, 1580, 1500]
        let csv = "date,units\n" + units.enumerated().map { "\(1949 + $0.offset)-01-01,\($0.element)" }.joined(separator: "\n")
        let series = try parse(csv)
        #expect(series.periodDays == 365.25 && series.total == 14_418)
        let fit = try BassFit.fit(series.rows.map(\.units), boundaries: series.boundaries)
        #expect(abs(fit.m / 18_705.04 - 1) < 0.001)
        #expect(abs(fit.p / 0.00944142 - 1) < 0.005)
        #expect(abs(fit.q / 0.3749482 - 1) < 0.002)
        #expect(abs(fit.r2 - 0.93346) < 0.0005)
        // Against Bass's own regression estimates: the same market within 10%, the same imitation within 10%.
        #expect(abs(fit.m / 17_091 - 1) < 0.1 && abs(fit.q / 0.4049 - 1) < 0.1)
        // The fitted peak year (t* = ln(q/p)/(p+q)) is Bass's: about 9.6 years after 1949, i.e. 1958 (sales peaked 1956–59).
        let peak = Math.log(fit.q / fit.p) / (fit.p + fit.q)
        #expect(peak > 9 && peak < 10.5)
    }

    @Test(arguments: [
        ("", "1:1", "the file is empty"),
        ("day,sold\n", "1:1", "the header must be `date,units`"),
        ("date,units\n2027-03-01\n", "2:1", "a row has two fields"),
        ("date,units\n2027-3-1,5\n", "2:1", "is not a date"),
        ("date,units\n2027-03-01,lots\n", "2:12", "`lots` is not a number of units"),
        ("date,units\n2027-03-01,-4\n", "2:12", "units sold cannot be negative"),
        ("date,units\n2027-03-08,1\n2027-03-01,2\n", "3:1", "dates must increase"),
        ("date,units\n2027-03-01,1\n2027-03-08,2\n2027-03-16,3\n", "4:1", "rows are weekly, so this one should be dated 2027-03-15"),
        // Comments and blank lines keep the line numbers; a month skipped is found where it is.
        ("# export\ndate,units\n\n2027-01-01,1\n2027-02-01,2\n2027-04-01,3\n", "6:1", "expected 2027-03-01, not 2027-04-01"),
        ("\u{FEFF}date,units\n2027-03-01,x\n", "2:12", "`x` is not a number of units"),
    ])
    func errorsAreLocated(text: String, at: String, message: String) {
        do {
            _ = try parse(text)
            Issue.record("accepted \(text)")
        } catch {
            let mark = error.diagnostic.mark
            #expect("\(mark.line):\(mark.column)" == at, "\(text)")
            #expect(error.diagnostic.message.contains(message), "\(error.diagnostic.message)")
        }
    }
}
