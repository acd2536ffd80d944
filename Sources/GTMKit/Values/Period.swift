/// A length of time as the user wrote it: whole days (weeks are 7 days) or
/// calendar months (years are 12 months). Months stay months, so that
/// "3 months" after January 31 is April 30, as a calendar reads.
struct Period: Sendable, Hashable, CustomStringConvertible {
    enum Unit: Sendable, Hashable { case days, months }

    let amount: Int
    let unit: Unit

    static func days(_ amount: Int) -> Period { Period(amount: amount, unit: .days) }
    static func weeks(_ amount: Int) -> Period { Period(amount: amount * 7, unit: .days) }
    static func months(_ amount: Int) -> Period { Period(amount: amount, unit: .months) }

    /// The date this long after `date`.
    func after(_ date: CivilDate) -> CivilDate {
        unit == .days ? date.adding(days: amount) : date.adding(months: amount)
    }

    /// The date this long before `date`.
    func before(_ date: CivilDate) -> CivilDate {
        unit == .days ? date.adding(days: -amount) : date.adding(months: -amount)
    }

    /// Length in years: months / 12, or days / 365.25.
    var years: Double {
        unit == .months ? Double(amount) / 12 : Double(amount) / 365.25
    }

    /// Length in days counted from `date` (months are calendar months from that date).
    func days(from date: CivilDate) -> Int {
        date.days(to: after(date))
    }

    /// Average length in days, for periods not anchored to a date.
    var averageDays: Double {
        unit == .days ? Double(amount) : Double(amount) * 30.436875
    }

    /// `14 days`, `6 weeks`, `3 months`, `1 year`.
    var description: String {
        switch unit {
        case .days where amount % 7 == 0 && amount > 0:
            let weeks = amount / 7
            return weeks == 1 ? "1 week" : "\(weeks) weeks"
        case .days:
            return amount == 1 ? "1 day" : "\(amount) days"
        case .months where amount % 12 == 0 && amount >= 24:
            let years = amount / 12
            return years == 1 ? "1 year" : "\(years) years"
        case .months:
            return amount == 1 ? "1 month" : "\(amount) months"
        }
    }
}
